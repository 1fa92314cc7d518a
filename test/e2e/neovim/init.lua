-- Kamerwijzer in Neovim: the BUILT-IN LSP client (no plugins) for `text` and `markdown` buffers.
--
--   nvim -u test/e2e/neovim/init.lua some.txt
--
-- The server command comes from $KW_LSP_CMD (a JSON array, or words separated by spaces), e.g.
--   KW_LSP_CMD='["node","dist/cli.js","lsp","--stdio"]'
-- and defaults to the fake server beside this file (fakeServer.js).
--
-- Works with every Neovim from 0.7 on, picking the API the running version has:
--   0.11+  vim.lsp.config() + vim.lsp.enable()
--   0.8+   vim.lsp.start() from a FileType autocommand
--   0.7    vim.lsp.start_client() + vim.lsp.buf_attach_client()   (Debian 12 ships 0.7.2)

vim.o.swapfile = false
vim.o.shadafile = 'NONE'
vim.cmd('filetype on')

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')

local function server_cmd()
  local env = os.getenv('KW_LSP_CMD')
  if env ~= nil and env ~= '' then
    local ok, cmd = pcall(vim.fn.json_decode, env)
    if ok and type(cmd) == 'table' then
      return cmd
    end
    return vim.split(env, ' ', { trimempty = true })
  end
  return { 'node', here .. '/fakeServer.js' }
end

local NAME = 'kamerwijzer'
local FILETYPES = { 'text', 'markdown' }
-- A project's kamerwijzer.json (its configuration) marks the root; else the repository, else the file's folder.
local ROOT_MARKERS = { 'kamerwijzer.json', '.git' }

local function root_dir(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  local d = dir
  while true do
    for _, m in ipairs(ROOT_MARKERS) do
      if (vim.uv or vim.loop).fs_stat(d .. '/' .. m) then
        return d
      end
    end
    local up = vim.fn.fnamemodify(d, ':h')
    if up == d then
      return dir
    end
    d = up
  end
end

local log_level = os.getenv('KW_LSP_LOG_LEVEL') or 'warn'
if vim.lsp.log ~= nil and vim.lsp.log.set_level ~= nil then
  vim.lsp.log.set_level(log_level)
else
  vim.lsp.set_log_level(log_level)
end
vim.diagnostic.config({ virtual_text = true, signs = true, underline = true, update_in_insert = false })

-- Exposed for test.lua and for people poking around: which API was used and under what name.
_G.kamerwijzer = { name = NAME, cmd = server_cmd(), filetypes = FILETYPES }

if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
  _G.kamerwijzer.mode = 'vim.lsp.config'
  vim.lsp.config(NAME, {
    cmd = _G.kamerwijzer.cmd,
    filetypes = FILETYPES,
    root_markers = ROOT_MARKERS,
  })
  vim.lsp.enable(NAME)
elseif vim.lsp.start ~= nil then
  _G.kamerwijzer.mode = 'vim.lsp.start'
  vim.api.nvim_create_autocmd('FileType', {
    pattern = FILETYPES,
    callback = function(args)
      -- vim.lsp.start re-uses a running client with the same name and root_dir.
      vim.lsp.start({ name = NAME, cmd = _G.kamerwijzer.cmd, root_dir = root_dir(args.buf) }, { bufnr = args.buf })
    end,
  })
else
  _G.kamerwijzer.mode = 'vim.lsp.start_client'
  local clients = {} -- root_dir -> client id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = FILETYPES,
    callback = function(args)
      local root = root_dir(args.buf)
      local id = clients[root]
      if id == nil or vim.lsp.get_client_by_id(id) == nil then
        id = vim.lsp.start_client({
          name = NAME,
          cmd = _G.kamerwijzer.cmd,
          root_dir = root,
          workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        })
        clients[root] = id
      end
      if id ~= nil then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end
