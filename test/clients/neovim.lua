-- Neovim as a plain LSP client of runbook-language-server (issue 12): started by
-- test/lsp/neovim.test.ts with nvim --headless --clean; writes what it saw to $NVIM_OUT.
-- Works with Neovim 0.7 (Debian's): vim.lsp.start_client, vim.diagnostic, vim.wait.
local out = assert(io.open(os.getenv('NVIM_OUT'), 'w'))
local root = os.getenv('WS')
local function say(line) out:write(line .. '\n') out:flush() end

local client = vim.lsp.start_client({
  name = 'runbook-lint',
  cmd = { os.getenv('NODE'), os.getenv('SERVER'), '--stdio' },
  root_dir = root,
  init_options = { today = os.getenv('TODAY'), debounceMs = 0, git = false },
})
if not client then say('error no client') vim.cmd('qa!') return end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, string.format('%d %s', d.lnum + 1, tostring(d.code or lsp.code)))
  end
  table.sort(list)
  return list
end

local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  return buf
end

local function report(name, buf, ready)
  local ok = vim.wait(20000, function() return ready(codes(buf)) end, 50)
  say((ok and 'ok ' or 'timeout ') .. name)
  for _, c in ipairs(codes(buf)) do say(name .. ' ' .. c) end
end

-- What the CLI says of each file ($EXPECT_*, sorted lines): the first publish may come before the
-- files a document is linted with are read, so wait for the one that matches (or time out and show it).
local function expecting(name)
  local want = os.getenv(name) or ''
  return function(c) return table.concat(c, '\n') == want end
end

local receipt = open(root .. '/library/raw/rollback-rehearsals/002.md')
report('receipt', receipt, expecting('EXPECT_RECEIPT'))

local runbook = open(root .. '/RUNBOOK.md')
report('runbook', runbook, expecting('EXPECT_RUNBOOK'))

-- A live edit: the 40-minute budget becomes 5 minutes; RB005 goes.
local lines = vim.api.nvim_buf_get_lines(runbook, 0, -1, false)
for i, l in ipairs(lines) do
  if l:find('| 40 min |', 1, true) then
    vim.api.nvim_buf_set_lines(runbook, i - 1, i, false, { (l:gsub('| 40 min |', '| 5 min |')) })
  end
end
report('edited', runbook, function(c)
  for _, x in ipairs(c) do if x:find('RB005', 1, true) then return false end end
  return #c > 0
end)

vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
out:close()
vim.cmd('qa!')
