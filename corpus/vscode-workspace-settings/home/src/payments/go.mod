module git.example.com/payments

go 1.22
