-- Neovim 0.7 drives the Article Lens server. Run by test/e2e/neovim.mjs as
--   nvim --headless -u NONE -c "luafile test/e2e/neovim.lua"
-- with ARTICLE_LENS_E2E holding the JSON the runner computed (server, folder, targets and their positions).
-- Waits on conditions with vim.wait (bounded), never a fixed sleep. Exits non-zero on any failure.

local cfg = vim.fn.json_decode(os.getenv('ARTICLE_LENS_E2E'))
local failures = 0
local TIMEOUT = 30000

local function say(s) io.stdout:write(s .. '\n') end
local function check(ok, what, detail)
  if ok then
    say('ok   ' .. what)
  else
    failures = failures + 1
    say('FAIL ' .. what .. (detail and ('\n     ' .. tostring(detail)) or ''))
  end
  return ok
end
local function path_of(file) return cfg.folder .. '/' .. file end
local function ends_with(s, suffix) return s:sub(-#suffix) == suffix end

local function main()
  local indexed
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  -- 0.7 draws no semantic tokens, so it does not announce them; the test requests them itself.
  capabilities.textDocument.semanticTokens = {
    requests = { full = true, range = true }, tokenTypes = {}, tokenModifiers = {}, formats = { 'relative' },
  }
  local client_id = vim.lsp.start_client({
    name = 'article-lens',
    cmd = { cfg.node, cfg.server, '--stdio' },
    root_dir = cfg.folder,
    workspace_folders = { { uri = vim.uri_from_fname(cfg.folder), name = 'corpus' } },
    capabilities = capabilities,
    handlers = {
      ['articleLens/indexingComplete'] = function(_, result) indexed = result end,
    },
  })
  if not check(client_id ~= nil, 'vim.lsp.start_client starts the server') then return end

  vim.cmd('edit ' .. vim.fn.fnameescape(path_of(cfg.article)))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.lsp.buf_attach_client(buf, client_id), 'vim.lsp.buf_attach_client')
  local client = vim.lsp.get_client_by_id(client_id)

  check(vim.wait(TIMEOUT, function() return indexed ~= nil end, 20),
    'articleLens/indexingComplete arrives')
  if not indexed then return end
  check(indexed.documents == cfg.documents, 'the server indexed every article (' .. tostring(indexed.documents) .. ')')

  local uri = vim.uri_from_bufnr(buf)
  local function at(pos) return { textDocument = { uri = uri }, position = pos } end
  local function request(method, params)
    local response, err = client.request_sync(method, params, TIMEOUT, buf)
    if not response then error(method .. ': ' .. tostring(err)) end
    if response.err then error(method .. ': ' .. vim.inspect(response.err)) end
    return response.result
  end
  -- Puts the cursor on an LSP position (UTF-16 character) in the current window.
  local function set_cursor(pos)
    local line = vim.api.nvim_buf_get_lines(0, pos.line, pos.line + 1, true)[1]
    vim.api.nvim_win_set_cursor(0, { pos.line + 1, vim.str_byteindex(line, pos.character, true) })
  end

  -- Semantic tokens: the person and the place are coloured as such.
  local provider = client.server_capabilities and client.server_capabilities.semanticTokensProvider
  if check(provider ~= nil, 'the server offers semantic tokens') then
    local legend = provider.legend.tokenTypes
    local tokens = request('textDocument/semanticTokens/full', { textDocument = { uri = uri } })
    local data, line, char, found = tokens and tokens.data or {}, 0, 0, {}
    for i = 1, #data, 5 do
      if data[i] ~= 0 then char = 0 end
      line, char = line + data[i], char + data[i + 1]
      found[line .. ':' .. char] = { length = data[i + 2], type = legend[data[i + 3] + 1] }
    end
    check(#data >= 25, 'semantic tokens cover the article (' .. (#data / 5) .. ' tokens)')
    local p, l = cfg.personPos, cfg.placePos
    local person, place = found[p.line .. ':' .. p.character], found[l.line .. ':' .. l.character]
    check(person and person.type == 'person' and person.length == #cfg.person,
      'a person token on ' .. cfg.person, vim.inspect(person))
    check(place and place.type == 'location' and place.length == #cfg.place,
      'a location token on ' .. cfg.place, vim.inspect(place))
  end

  -- Hover on the place: the card names it and links the other articles that mention it.
  local hover = request('textDocument/hover', at(cfg.placeHoverPos))
  local value = hover and hover.contents and hover.contents.value or ''
  check(value:find('**' .. cfg.place .. '** · location', 1, true) == 1, 'hover card title', value)
  check(value:find('Also in:', 1, true) ~= nil, 'hover card lists other articles', value)
  local links, foreign = 0, 0
  for target in value:gmatch('%]%((file:[^)#]+)') do
    links = links + 1
    local name = target:match('[^/]+$')
    if name == cfg.article or not vim.tbl_contains(cfg.articles, name) then foreign = foreign + 1 end
  end
  check(links >= 2 and foreign == 0, 'hover links (' .. links .. ') go to other articles of the corpus', value)

  -- References to the person, through the editor's own command: the quickfix list covers every article naming them.
  set_cursor(cfg.personPos)
  vim.fn.setqflist({}, 'r', { title = 'none', items = {} })
  vim.lsp.buf.references({ includeDeclaration = true })
  check(vim.wait(TIMEOUT, function() return #vim.fn.getqflist() > 0 end, 20), 'vim.lsp.buf.references fills the quickfix list')
  local files = {}
  for _, item in ipairs(vim.fn.getqflist()) do files[vim.fn.fnamemodify(vim.fn.bufname(item.bufnr), ':t')] = true end
  for _, f in ipairs(cfg.personArticles) do check(files[f], 'a reference in ' .. f) end
  vim.cmd('cclose')
  vim.api.nvim_set_current_buf(buf)

  -- Definition, through the editor's own jump: from a later mention to the first full-name mention in the earliest article.
  set_cursor(cfg.personPos)
  vim.lsp.buf.definition()
  local target = path_of(cfg.earliestPerson)
  local jumped = vim.wait(TIMEOUT, function() return ends_with(vim.api.nvim_buf_get_name(0), cfg.earliestPerson) end, 20)
  check(jumped, 'vim.lsp.buf.definition opens ' .. cfg.earliestPerson, vim.api.nvim_buf_get_name(0))
  if jumped then
    local cursor = vim.api.nvim_win_get_cursor(0)
    local line = vim.api.nvim_buf_get_lines(0, cursor[1] - 1, cursor[1], true)[1]
    local want = cfg.earliestPersonPos
    local character = vim.str_utfindex(line, cursor[2])
    check(cursor[1] - 1 == want.line and character == want.character,
      'the cursor lands on the first ' .. cfg.person .. ' in ' .. target,
      ('at %d:%d, want %d:%d'):format(cursor[1] - 1, character, want.line, want.character))
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  failures = failures + 1
  say('FAIL ' .. tostring(err))
end
say(failures == 0 and 'neovim: all checks passed' or ('neovim: ' .. failures .. ' failure(s)'))
vim.cmd((failures == 0 and 'qall!') or 'cquit 1')
