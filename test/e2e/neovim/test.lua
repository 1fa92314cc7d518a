-- Headless LSP check, run after init.lua:
--   nvim --headless -n -i NONE -u test/e2e/neovim/init.lua -c 'luafile test/e2e/neovim/test.lua'
-- (run.sh does exactly that). Opens $KW_NVIM_FILE, waits for the kamerwijzer client to attach and initialize
-- and for the server's workspace index (kamerwijzer/status: not scanning), puts the cursor on the first occurrence of $KW_NVIM_POS_TEXT, requests textDocument/hover and
-- textDocument/definition with vim.lsp.buf_request_sync, waits for diagnostics (vim.diagnostic.get) and writes
-- everything as JSON to $KW_NVIM_RESULT. Exits 0 when every expectation held, 1 when one failed, 2 on an error,
-- 3 on the overall time-out.
--
-- Expectations (environment):
--   KW_NVIM_CHECKS                 which of hover,definition,diagnostics to run (default all three)
--   KW_NVIM_POS_OFFSET             the cursor goes this many bytes into $KW_NVIM_POS_TEXT (default 0)
--   KW_NVIM_EXPECT_HOVER           substring(s) the hover text must contain, separated by "|" (default: any
--                                  non-empty hover)
--   KW_NVIM_EXPECT_DEFINITION      1 (default) = at least one definition location; 0 = not checked
--   KW_NVIM_EXPECT_DEFINITION_FILE a definition location must be in a file of this name
--   KW_NVIM_MIN_DIAGNOSTICS        at least this many diagnostics (default 1)
--   KW_NVIM_EXPECT_DIAG_CODE       a diagnostic with this code must arrive (waits for it) ...
--   KW_NVIM_EXPECT_DIAG_LINE       ... on this line (1-based) ...
--   KW_NVIM_EXPECT_DIAG_MESSAGE    ... with this in its message
--   KW_NVIM_TIMEOUT_MS             per wait/request (default 15000)

local env = function(k, d)
  local v = os.getenv(k)
  if v == nil or v == '' then
    return d
  end
  return v
end

local file = env('KW_NVIM_FILE', nil)
local out_path = env('KW_NVIM_RESULT', 'nvim-lsp-result.json')
local pos_text = env('KW_NVIM_POS_TEXT', 'motie')
local timeout = tonumber(env('KW_NVIM_TIMEOUT_MS', '15000'))
local expect_hover = env('KW_NVIM_EXPECT_HOVER', nil)
local min_diags = tonumber(env('KW_NVIM_MIN_DIAGNOSTICS', '1'))
local expect_def = env('KW_NVIM_EXPECT_DEFINITION', '1') == '1'
local expect_def_file = env('KW_NVIM_EXPECT_DEFINITION_FILE', nil)
local pos_offset = tonumber(env('KW_NVIM_POS_OFFSET', '0'))
local checks = {}
for _, c in ipairs(vim.split(env('KW_NVIM_CHECKS', 'hover,definition,diagnostics'), ',', { trimempty = true })) do
  checks[vim.trim(c)] = true
end
local expect_code = env('KW_NVIM_EXPECT_DIAG_CODE', nil)
local expect_line = tonumber(env('KW_NVIM_EXPECT_DIAG_LINE', '0'))
local expect_message = env('KW_NVIM_EXPECT_DIAG_MESSAGE', nil)

local result = {
  nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
  mode = _G.kamerwijzer and _G.kamerwijzer.mode or nil,
  cmd = _G.kamerwijzer and _G.kamerwijzer.cmd or nil,
  config_source = _G.kamerwijzer and _G.kamerwijzer.source or nil,
  file = file,
  failures = {},
  timings_ms = {},
}
local uv = vim.uv or vim.loop -- vim.loop is deprecated from 0.10 on
local t_start = uv.hrtime()
local function ms_since(t)
  return math.floor((uv.hrtime() - t) / 1e6)
end
local function all_clients()
  return (vim.lsp.get_clients or vim.lsp.get_active_clients)()
end

local function finish(code)
  result.ok = (code == 0)
  result.exit_code = code
  result.timings_ms.total = ms_since(t_start)
  local f = io.open(out_path, 'w')
  if f then
    f:write(vim.fn.json_encode(result))
    f:close()
  end
  -- Stop the clients (shutdown + exit) before leaving, so the server is not orphaned.
  -- (vim.lsp.stop_client works in every version; client.stop() became a method, client:stop(), in 0.11.)
  for _, c in pairs(all_clients()) do
    vim.lsp.stop_client(c.id)
  end
  vim.wait(2000, function()
    return #all_clients() == 0
  end, 50)
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

local function fail(msg)
  table.insert(result.failures, msg)
end

local function clients_of(bufnr)
  local list = {}
  if vim.lsp.get_clients ~= nil then
    list = vim.lsp.get_clients({ bufnr = bufnr })
  else
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      table.insert(list, c)
    end
  end
  local mine = {}
  for _, c in ipairs(list) do
    if c.name == 'kamerwijzer' then
      table.insert(mine, c)
    end
  end
  return mine
end

--- Hover contents (MarkupContent, MarkedString or MarkedString[]) as plain text.
local function hover_text(contents)
  if contents == nil then
    return nil
  end
  if type(contents) == 'string' then
    return contents
  end
  if contents.value ~= nil then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    table.insert(parts, type(c) == 'string' and c or c.value)
  end
  return table.concat(parts, '\n')
end

local function locations(res)
  if res == nil then
    return {}
  end
  if res.uri ~= nil or res.targetUri ~= nil then
    res = { res }
  end
  local out = {}
  for _, l in ipairs(res) do
    local range = l.range or l.targetSelectionRange or l.targetRange
    table.insert(out, { uri = l.uri or l.targetUri, line = range.start.line, character = range.start.character })
  end
  return out
end

local function main()
  if file == nil then
    error('KW_NVIM_FILE is not set')
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  -- 1. The client attaches (FileType autocommand) and the server answers initialize.
  local t = uv.hrtime()
  local client
  local attached = vim.wait(timeout, function()
    client = clients_of(bufnr)[1]
    return client ~= nil and client.initialized ~= false and client.server_capabilities ~= nil
      and next(client.server_capabilities) ~= nil
  end, 50)
  result.timings_ms.attach = ms_since(t)
  result.attached = attached
  if not attached then
    fail('no kamerwijzer client attached/initialized within ' .. timeout .. ' ms (filetype ' .. result.filetype .. ')')
    return 1
  end
  result.client = { id = client.id, name = client.name, offset_encoding = client.offset_encoding }
  result.server_info = client.server_info
  result.capabilities = {
    hoverProvider = client.server_capabilities.hoverProvider and true or false,
    definitionProvider = client.server_capabilities.definitionProvider and true or false,
  }

  -- 1b. The server has indexed the workspace (definitions point into other files): Kamerwijzer's own
  -- kamerwijzer/status request says when. A server that does not know it (the fake one) is not waited for.
  t = uv.hrtime()
  while true do
    local res = vim.lsp.buf_request_sync(bufnr, 'kamerwijzer/status', {}, timeout)
    local r = res and res[client.id]
    if r ~= nil and (r.err ~= nil or r.error ~= nil) then
      result.index = 'no kamerwijzer/status'
      break
    end
    if r ~= nil and r.result ~= nil then
      result.index = r.result
      if r.result.scanning == false then
        break
      end
    end
    if ms_since(t) > timeout then
      fail('the server did not finish indexing within ' .. timeout .. ' ms')
      return 1
    end
    vim.wait(100)
  end
  result.timings_ms.indexed = ms_since(t)

  -- 2. The cursor on the first occurrence of pos_text (+ pos_offset bytes).
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local row, col
  for i, l in ipairs(lines) do
    local s = l:find(pos_text, 1, true)
    if s then
      row, col = i, s - 1 + pos_offset
      break
    end
  end
  if row == nil and (checks.hover or checks.definition) then
    fail('text not found in the buffer: ' .. pos_text)
    return 1
  end
  local params
  if row ~= nil then
    vim.api.nvim_win_set_cursor(0, { row, col })
    params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    result.position = params.position
  end

  -- 3. Hover.
  if checks.hover then
    t = uv.hrtime()
    local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
    result.timings_ms.hover = ms_since(t)
    local h = hover and hover[client.id]
    if h == nil then
      fail('hover: no answer within ' .. timeout .. ' ms')
    elseif h.err ~= nil or h.error ~= nil then
      fail('hover: error ' .. vim.inspect(h.err or h.error))
    else
      result.hover = h.result and hover_text(h.result.contents) or vim.NIL
      if h.result == nil or result.hover == nil or result.hover == '' then
        fail('hover: empty')
      elseif expect_hover ~= nil then
        for _, want in ipairs(vim.split(expect_hover, '|', { plain = true, trimempty = true })) do
          if not string.find(result.hover, want, 1, true) then
            fail('hover: ' .. vim.inspect(result.hover) .. ' does not contain ' .. vim.inspect(want))
          end
        end
      end
    end
  end

  -- 4. Definition.
  if checks.definition then
    t = uv.hrtime()
    local def = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', params, timeout)
    result.timings_ms.definition = ms_since(t)
    local d = def and def[client.id]
    if d == nil then
      fail('definition: no answer within ' .. timeout .. ' ms')
    elseif d.err ~= nil or d.error ~= nil then
      fail('definition: error ' .. vim.inspect(d.err or d.error))
    else
      result.definition = locations(d.result)
      if expect_def and #result.definition == 0 then
        fail('definition: no location')
      end
      if expect_def_file ~= nil then
        local found = false
        for _, l in ipairs(result.definition) do
          if vim.fn.fnamemodify(vim.uri_to_fname(l.uri), ':t') == expect_def_file then
            found = true
          end
        end
        if not found then
          fail('definition: no location in ' .. expect_def_file .. ': ' .. vim.inspect(result.definition))
        end
      end
    end
  end

  -- 5. Diagnostics (published by the server after didOpen: Neovim 0.7 does not pull them).
  if checks.diagnostics then
    local function code_of(dg)
      return dg.code or (dg.user_data and dg.user_data.lsp and dg.user_data.lsp.code) or vim.NIL
    end
    local function expected(dg)
      return code_of(dg) == expect_code and (expect_line == 0 or dg.lnum == expect_line - 1)
        and (expect_message == nil or string.find(dg.message, expect_message, 1, true) ~= nil)
    end
    t = uv.hrtime()
    vim.wait(timeout, function()
      local all = vim.diagnostic.get(bufnr)
      if #all < min_diags then
        return false
      end
      if expect_code == nil then
        return true
      end
      for _, dg in ipairs(all) do
        if expected(dg) then
          return true
        end
      end
      return false
    end, 50)
    result.timings_ms.diagnostics = ms_since(t)
    result.diagnostics = {}
    local found = false
    for _, dg in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(result.diagnostics, {
        lnum = dg.lnum,
        col = dg.col,
        severity = dg.severity,
        message = dg.message,
        source = dg.source,
        code = code_of(dg),
      })
      if expect_code ~= nil and expected(dg) then
        found = true
      end
    end
    if #result.diagnostics < min_diags then
      fail('diagnostics: ' .. #result.diagnostics .. ' < ' .. min_diags)
    end
    if expect_code ~= nil and not found then
      fail('diagnostics: no ' .. expect_code .. (expect_line > 0 and (' on line ' .. expect_line) or '')
        .. (expect_message and (' with "' .. expect_message .. '"') or ''))
    end
  end

  return #result.failures == 0 and 0 or 1
end

-- Safety net: whatever hangs, leave with code 3 (the caller's `timeout` is the last resort).
vim.defer_fn(function()
  fail('overall time-out')
  finish(3)
end, timeout * 4 + 5000)

local ok, code = xpcall(main, debug.traceback)
if not ok then
  fail('error: ' .. tostring(code))
  finish(2)
else
  finish(code)
end
