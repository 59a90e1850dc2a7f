-- nvim-client.lua — headless Neovim (0.7+) as a real LSP client of
-- `rccheck lsp`, for tests/lsp/nvim-test. Run as:
--   nvim --headless -n -i NONE -u NONE -c 'luafile nvim-client.lua'
-- with RC_NVIM_CMD (JSON: the server command), RC_NVIM_FILE (the file to
-- edit), RC_NVIM_STEPS (JSON list of steps), RC_NVIM_OUT (where the results
-- go, JSON) and optionally RC_NVIM_ENCODING=utf-8 (negotiate UTF-8 positions
-- instead of Neovim 0.7's UTF-16).
--
-- Steps: {"op": "wait"}          wait for the diagnostics of the current version, then snapshot
--        {"op": "append", "text"} append a line (unsaved)
--        {"op": "action", "line", "title"}  code action on a line, picked like a user would
--        {"op": "write"}          :write (didSave)
local env = vim.env
local out_path = env.RC_NVIM_OUT
local results = { snapshots = {}, log = {} }
local timeout = 20000

local function log(fmt, ...)
  table.insert(results.log, string.format(fmt, ...))
end

local function finish(err)
  results.error = err
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd(err and 'cquit 1' or 'qall!')
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.RC_NVIM_FILE))
  vim.bo.filetype = 'zsh'
  local bufnr = vim.api.nvim_get_current_buf()
  local published = {} -- version → count of publishes for this buffer
  local exit_info

  local capabilities = vim.lsp.protocol.make_client_capabilities()
  local encoding = env.RC_NVIM_ENCODING
  if encoding == 'utf-8' then
    capabilities.general = { positionEncodings = { 'utf-8', 'utf-16' } }
  end
  local client_id = vim.lsp.start_client({
    name = 'rccheck',
    cmd = vim.fn.json_decode(env.RC_NVIM_CMD),
    root_dir = vim.fn.fnamemodify(env.RC_NVIM_FILE, ':p:h'),
    capabilities = capabilities,
    on_init = function(client, result)
      results.server_info = result.serverInfo
      results.position_encoding = result.capabilities.positionEncoding
      -- Neovim 0.7 does not read positionEncoding itself: use what was agreed.
      if encoding == 'utf-8' then
        client.offset_encoding = result.capabilities.positionEncoding
      end
    end,
    on_exit = function(code, signal)
      exit_info = { code = code, signal = signal }
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        if vim.uri_to_bufnr(params.uri) == bufnr then
          local v = params.version or -1
          published[v] = (published[v] or 0) + 1
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'the server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function version()
    return vim.lsp.util.buf_versions[bufnr] or 0
  end

  local function snapshot(label)
    local diags = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(diags, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, code = d.code or lsp.code, source = d.source, message = d.message,
        href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
        related = lsp.relatedInformation or {},
      })
    end
    table.sort(diags, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      if a.col ~= b.col then return a.col < b.col end
      return tostring(a.code) < tostring(b.code)
    end)
    table.insert(results.snapshots, {
      label = label, version = version(), diagnostics = diags,
      lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false),
    })
  end

  for i, step in ipairs(vim.fn.json_decode(env.RC_NVIM_STEPS)) do
    local label = step.label or (step.op .. ' ' .. i)
    if step.op == 'wait' then
      local want = version()
      local ok = vim.wait(timeout, function() return published[want] ~= nil end, 20)
      assert(ok, string.format('%s: no diagnostics for version %d (got %s)', label, want, vim.inspect(published)))
      snapshot(label)
    elseif step.op == 'append' then
      vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { step.text })
    elseif step.op == 'write' then
      vim.cmd('write')
    elseif step.op == 'action' then
      vim.api.nvim_win_set_cursor(0, { step.line, 0 })
      local chosen, offered = false, {}
      vim.ui.select = function(items, opts, on_choice)
        local pick
        for _, item in ipairs(items) do
          local title = opts.format_item and opts.format_item(item) or item[2].title
          table.insert(offered, title)
          if not pick and vim.startswith(title, step.title) then pick = item end
        end
        chosen = pick ~= nil
        on_choice(pick)
      end
      local before = version()
      vim.lsp.buf.code_action()
      local ok = vim.wait(timeout, function() return chosen and version() ~= before end, 20)
      log('%s: offered %s', label, table.concat(offered, ' | '))
      assert(ok, string.format('%s: no action "%s" applied (offered: %s)', label, step.title,
        table.concat(offered, ' | ')))
    else
      error('unknown step ' .. vim.inspect(step))
    end
  end

  vim.lsp.stop_client(client_id)
  assert(vim.wait(timeout, function() return exit_info ~= nil end, 20), 'the server did not exit')
  results.exit = exit_info
end

local ok, err = xpcall(main, debug.traceback)
finish(not ok and tostring(err) or nil)
