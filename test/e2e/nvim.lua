-- Neovim (Debian's 0.7.2, headless) as a plain LSP client of `node server/out/server.js --stdio`:
-- for a Markdown and a plain-text report with a wrong 总计 (test/e2e/fixtures.js): the diagnostic
-- lands on the wrong cell (the server counts UTF-16 code units, Neovim bytes: the Chinese text
-- before the cell makes them differ), the hover shows the arithmetic, the outline has the six
-- sections, and the preferred quick fix, applied and written, gives back the clean example byte for byte.
-- Usage: NIANBAO_ROOT=… NIANBAO_E2E_WS=… nvim --headless --clean -u NONE -c "luafile nvim.lua"
-- (0.7 has no vim.lsp.start: vim.lsp.start_client + buf_attach_client.)
local ROOT = assert(os.getenv('NIANBAO_ROOT'), 'NIANBAO_ROOT')
local WS = assert(os.getenv('NIANBAO_E2E_WS'), 'NIANBAO_E2E_WS')
local SERVER = ROOT .. '/server/out/server.js'

local function out(s) io.stdout:write(s .. '\n') end
local failures = 0
local function check(ok, what)
  out((ok and '  ok   ' or '  FAIL ') .. what)
  if not ok then failures = failures + 1 end
  return ok
end
local function read(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

-- The drafts (the same fixtures the UI test opens).
local fx = vim.fn.system({ 'node', ROOT .. '/test/e2e/fixtures.js', WS })
if vim.v.shell_error ~= 0 then error('fixtures.js failed: ' .. fx) end

-- The raw diagnostics as the server sent them (UTF-16 positions), before Neovim turns them into byte columns.
local raw = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    raw[result.uri] = result.diagnostics
    return default_publish(err, result, ctx, config)
  end,
}

local client_id = vim.lsp.start_client({
  name = 'nianbao',
  cmd = { 'node', SERVER, '--stdio' },
  root_dir = WS,
  handlers = handlers,
  init_options = { locale = 'zh' },
})
assert(client_id, 'the client did not start')
local client = vim.lsp.get_client_by_id(client_id)
out(string.format('nvim %d.%d.%d, server %s', vim.version().major, vim.version().minor, vim.version().patch, SERVER))

local CASES = {
  { file = 'wrong-total/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md', filetype = 'markdown',
    rule = 'table.group-total', wrong = '3', right = '2', message = '“行政复议·总计”应为 2（1+1+0+0），实为 3',
    hover = '应为 %*%*2%*%*，实为 %*%*3%*%*' },
  { file = 'wrong-total/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt', filetype = 'text',
    rule = 'table.row-total', wrong = '19', right = '18', message = '“（一）予以公开·总计”应为 18（10+5+0+1+1+1），实为 19',
    hover = '应为 %*%*18%*%*，实为 %*%*19%*%*' },
}

local function run_case(case)
  out(case.file .. ' (' .. case.filetype .. ')')
  local path = WS .. '/' .. case.file
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = case.filetype
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)

  -- 1. diagnostics on the wrong cell: UTF-16 from the server, bytes in Neovim.
  local function find_diag()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == case.rule then return d end
    end
  end
  if not check(vim.wait(20000, function() return find_diag() ~= nil end, 20), 'diagnostic ' .. case.rule .. ' arrives') then return end
  local d = find_diag()
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  local byte_col = line:match('.*()' .. case.wrong) - 1 -- 0-based byte column of the wrong cell (the last number on its line)
  local _, utf16_col = vim.str_utfindex(line, byte_col)
  local lsp
  for _, r in ipairs(raw[uri] or {}) do
    if r.code == case.rule then lsp = r end
  end
  check(lsp ~= nil, 'raw publishDiagnostics has ' .. case.rule)
  out(string.format('       line %d: %s', d.lnum + 1, line))
  out(string.format('       LSP (UTF-16) %d:%d-%d:%d, Neovim (bytes) %d:%d-%d:%d', lsp.range.start.line, lsp.range.start.character,
    lsp.range['end'].line, lsp.range['end'].character, d.lnum, d.col, d.end_lnum, d.end_col))
  check(lsp.range.start.character == utf16_col and lsp.range['end'].character == utf16_col + #case.wrong,
    string.format('the server\'s range is the cell in UTF-16 code units (%d, not the byte column %d)', utf16_col, byte_col))
  check(d.col == byte_col and d.end_col == byte_col + #case.wrong and line:sub(d.col + 1, d.end_col) == case.wrong,
    'Neovim\'s range covers exactly “' .. case.wrong .. '”')
  check(d.message == case.message, 'message: ' .. d.message)
  check(d.severity == vim.diagnostic.severity.ERROR, 'severity error')

  -- 2. hover: the arithmetic behind the total.
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = lsp.range.start }, 5000)
  local htext = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then htext = htext .. (r.result.contents.value or vim.inspect(r.result.contents)) end
  end
  check(htext:find(case.hover) ~= nil, 'hover: ' .. (htext:match('[^\n]*应为[^\n]*') or htext:sub(1, 200)))

  -- 3. document symbols: the six sections.
  local syms = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 5000)
  local sections = {}
  local function walk(list)
    for _, s in ipairs(list or {}) do
      if s.kind == 2 then table.insert(sections, s.name) end -- Module: a section
      walk(s.children)
    end
  end
  for _, r in pairs(syms or {}) do walk(r.result) end
  local prefixes = {}
  for _, n in ipairs(sections) do table.insert(prefixes, vim.fn.strcharpart(n, 0, 2)) end
  check(table.concat(prefixes, ' ') == '一、 二、 三、 四、 五、 六、', 'outline: ' .. table.concat(sections, ' | '))

  -- 4. the preferred quick fix, applied (UTF-16 positions), written: the clean example again.
  local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = lsp.range,
    context = { diagnostics = { lsp }, only = { 'quickfix' } },
  }, 5000)
  local action, titles = nil, {}
  for _, r in pairs(resp or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if a.isPreferred and not action then action = a end
    end
  end
  out('       code actions: ' .. table.concat(titles, ' | '))
  if not check(action ~= nil and action.edit ~= nil, 'a preferred quick fix with an edit') then return end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  local fixed = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  check(fixed:sub(byte_col + 1) == case.right .. fixed:sub(byte_col + #case.wrong + 1) and fixed:sub(1, byte_col) == line:sub(1, byte_col),
    'after “' .. action.title .. '”: ' .. fixed)
  check(vim.wait(10000, function() return find_diag() == nil end, 20), 'the diagnostic goes after the edit')
  vim.cmd('silent write')
  local clean = read(ROOT .. '/examples/' .. vim.fn.fnamemodify(path, ':t'))
  check(read(path) == clean, 'the file on disk is the clean example, byte for byte')
end

local ok, err = pcall(function()
  for _, case in ipairs(CASES) do run_case(case) end
end)
if not ok then check(false, 'lua error: ' .. tostring(err)) end
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
out(failures == 0 and 'nvim: PASS' or ('nvim: FAIL (' .. failures .. ' checks failed)'))
vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
