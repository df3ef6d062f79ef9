-- A short session of Neovim's built-in LSP client (Neovim 0.7+) against `tradelint lsp`:
-- diagnostics with their code for a typo, then hover and go to definition.
--
--   TRADELINT=build/tools/tradelint/tradelint nvim --headless --clean \
--     -c "luafile tests/lsp/nvim_session.lua"
--
-- Quits with status 0 when every check holds, else prints what failed and quits with 1.
local binary = os.getenv("TRADELINT")
local folder = vim.fn.tempname()
vim.fn.mkdir(folder, "p")
local file = folder .. "/main.trl"
vim.fn.writefile({
  "ruleset nvimtest.main {",
  "  jurisdiction DE",
  "}",
  "",
  "const LIMIT = EUR 150",
  "",
  'rule priced "The price is within the limit" {',
  "  applies to  listing",
  "  domain      consumer_protection",
  "  severity    error",
  '  cite        "Test Act, Art. 1"',
  '  when        "Größe 😀" != titel',
  "  require     convert(offer.price, EUR) <= LIMIT",
  '  message     "too dear"',
  "}",
}, file)

local function fail(message)
  io.stderr:write("nvim_session: " .. message .. "\n")
  vim.fn.delete(folder, "rf")
  vim.cmd("cquit 1")
end

local ok, error = pcall(function()
  vim.cmd("edit " .. file)
  local buffer = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = "tradelint", cmd = { binary, "lsp" },
                                           root_dir = folder })
  vim.lsp.buf_attach_client(buffer, client_id)

  -- The typo `titel`, after non-ASCII text: its code, on its line, at its (byte) column.
  vim.wait(10000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  local diagnostics = vim.diagnostic.get(buffer)
  if #diagnostics ~= 1 or diagnostics[1].code ~= "unknown_field" then
    return fail("expected one unknown_field diagnostic, got " .. vim.inspect(diagnostics))
  end
  local line = vim.api.nvim_buf_get_lines(buffer, 11, 12, false)[1]
  if diagnostics[1].lnum ~= 11 or diagnostics[1].col ~= line:find("titel") - 1 then
    return fail("the diagnostic is misplaced: " .. vim.inspect(diagnostics[1]))
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local function at(row, needle)
    return { textDocument = vim.lsp.util.make_text_document_params(buffer),
             position = { line = row, character = (vim.api.nvim_buf_get_lines(
               buffer, row, row + 1, false)[1]):find(needle) } }
  end
  local hover = client.request_sync("textDocument/hover", at(12, "price"), 10000, buffer)
  if not (hover and hover.result and hover.result.contents.value:find("money")) then
    return fail("hover on offer.price: " .. vim.inspect(hover))
  end
  local definition = client.request_sync("textDocument/definition", at(12, "LIMIT"), 10000,
                                         buffer)
  if not (definition and definition.result and definition.result.range.start.line == 4) then
    return fail("definition of LIMIT: " .. vim.inspect(definition))
  end
  print("nvim_session: diagnostic " .. diagnostics[1].code .. ", hover and definition answered")
  client.stop()
  vim.fn.delete(folder, "rf")
  vim.cmd("qall!")
end)
if not ok then fail(tostring(error)) end
