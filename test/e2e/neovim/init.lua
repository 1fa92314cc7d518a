-- Kamerwijzer in Neovim for the end-to-end test: runs the configuration block of README.md ("## Neovim and
-- other editors", its ```lua block) as it is, only replacing its `cmd = { 'kamerwijzer', 'lsp', '--stdio' }`
-- with the server to test. So the README's setup is the one tested, and the two cannot drift apart.
--
--   nvim -u test/e2e/neovim/init.lua some.txt
--
-- The server command is $KW_LSP_CMD (a JSON array, or words separated by spaces), default the built server of
-- this repository: node <repo>/dist/cli.js lsp --stdio. KW_LSP_CMD=fake uses fakeServer.js beside this file.

vim.o.swapfile = false
vim.o.shadafile = 'NONE'
vim.cmd('filetype on')

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local repo = vim.fn.fnamemodify(here, ':h:h:h')

local function server_cmd()
  local env = os.getenv('KW_LSP_CMD')
  if env == 'fake' then
    return { 'node', here .. '/fakeServer.js' }
  end
  if env ~= nil and env ~= '' then
    local ok, cmd = pcall(vim.fn.json_decode, env)
    if ok and type(cmd) == 'table' then
      return cmd
    end
    return vim.split(env, ' ', { trimempty = true })
  end
  return { 'node', repo .. '/dist/cli.js', 'lsp', '--stdio' }
end

--- The first ```lua block of the README's "## Neovim and other editors" section.
local function readme_block(readme)
  local lines = vim.fn.readfile(readme)
  local in_section, in_block, block = false, false, {}
  for _, l in ipairs(lines) do
    if in_block then
      if l:match('^```') then
        return table.concat(block, '\n')
      end
      table.insert(block, l)
    elseif l:match('^## ') then
      if in_section then
        break
      end
      in_section = (l == '## Neovim and other editors')
    elseif in_section and l:match('^```lua%s*$') then
      in_block = true
    end
  end
  error('no ```lua block in the "## Neovim and other editors" section of ' .. readme)
end

local README_CMD = "{ 'kamerwijzer', 'lsp', '--stdio' }"
local cmd = server_cmd()
local quoted = {}
for _, word in ipairs(cmd) do
  table.insert(quoted, string.format('%q', word))
end
local source = readme_block(repo .. '/README.md')
local first = source:find(README_CMD, 1, true)
if first == nil or source:find(README_CMD, first + 1, true) ~= nil then
  error('README.md: the Neovim block must contain ' .. README_CMD .. ' exactly once (the test replaces it)')
end
source = source:sub(1, first - 1) .. '{ ' .. table.concat(quoted, ', ') .. ' }' .. source:sub(first + #README_CMD)

local log_level = os.getenv('KW_LSP_LOG_LEVEL') or 'warn'
if vim.lsp.log ~= nil and vim.lsp.log.set_level ~= nil then
  vim.lsp.log.set_level(log_level)
else
  vim.lsp.set_log_level(log_level)
end

-- Which API the README block takes on this Neovim (same tests as the block), for test.lua's report.
_G.kamerwijzer = {
  name = 'kamerwijzer',
  cmd = cmd,
  source = 'README.md',
  mode = vim.fn.has('nvim-0.11') == 1 and 'vim.lsp.config' or (vim.lsp.start ~= nil and 'vim.lsp.start' or 'vim.lsp.start_client'),
}

local chunk, err = (loadstring or load)(source, '@README.md (Neovim block)')
if chunk == nil then
  error(err)
end
chunk()
