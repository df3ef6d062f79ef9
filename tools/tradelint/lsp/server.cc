#include "tools/tradelint/lsp/server.h"

#include "tools/tradelint/lsp/features.h"
#include "tools/tradelint/lsp/protocol.h"

namespace tradelint::lsp {
namespace {

// LSP's TextDocumentSyncKind.Incremental.
constexpr int kIncrementalSync = 2;

std::vector<TextChange> ChangesFromJson(const nlohmann::json& changes) {
  std::vector<TextChange> parsed;
  for (const nlohmann::json& change : changes) {
    TextChange edit;
    edit.text = change.at("text").get<std::string>();
    if (change.contains("range")) {
      const nlohmann::json& range = change.at("range");
      edit.range =
          TextChange::Range{PositionFromJson(range.at("start")), PositionFromJson(range.at("end"))};
    }
    parsed.push_back(std::move(edit));
  }
  return parsed;
}

}  // namespace

int Server::Run(MessageReader& reader) {
  while (!exit_) {
    MessageReader::Message message = reader.Read();
    if (message.status == MessageReader::Message::Status::kEnd) break;
    if (message.status == MessageReader::Message::Status::kBadHeader) {
      ReplyError(nullptr, kParseError, message.error);
    } else {
      Handle(message.body);
    }
    if (!exit_ && !reader.HasPendingInput()) PublishStale();
  }
  return exit_ && state_ == State::kShutDown ? 0 : 1;
}

void Server::Handle(const std::string& body) {
  const nlohmann::json message = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    ReplyError(nullptr, kParseError, "the message is not JSON");
    return;
  }
  if (!message.is_object() || (message.contains("method") && !message["method"].is_string())) {
    ReplyError(nullptr, kInvalidRequest, "a message must be a JSON-RPC object with a `method`");
    return;
  }
  if (!message.contains("method")) return;  // a response: the server sends no requests
  const std::string method = message["method"].get<std::string>();
  const nlohmann::json params = message.value("params", nlohmann::json::object());
  if (!message.contains("id")) {
    try {
      Notification(method, params);
    } catch (const std::exception&) {
      // A notification has no answer: one that cannot be used is dropped.
    }
    return;
  }
  const nlohmann::json& id = message["id"];
  if (!id.is_string() && !id.is_number_integer()) {
    ReplyError(nullptr, kInvalidRequest, "a request's `id` must be a string or an integer");
    return;
  }
  try {
    Reply(id, Request(method, params));
  } catch (const RequestError& error) {
    ReplyError(id, error.code(), error.what());
  } catch (const nlohmann::json::exception& error) {
    ReplyError(id, kInvalidParams, std::string("invalid params: ") + error.what());
  } catch (const std::exception& error) {
    ReplyError(id, kInternalError, error.what());
  }
}

nlohmann::json Server::Request(const std::string& method, const nlohmann::json& params) {
  if (method == "initialize") {
    if (state_ != State::kUninitialized) {
      throw RequestError(kInvalidRequest, "the server is already initialized");
    }
    state_ = State::kRunning;
    return Initialize();
  }
  if (state_ == State::kUninitialized) {
    throw RequestError(kServerNotInitialized, "the server is not initialized yet");
  }
  if (state_ == State::kShutDown) {
    throw RequestError(kInvalidRequest, "the server is shutting down");
  }
  PublishStale();  // answer from the latest text
  if (method == "shutdown") {
    state_ = State::kShutDown;
    return nullptr;
  }
  if (method == "textDocument/hover") {
    return Hover(DocumentOf(params), data_, PositionFromJson(params.at("position")));
  }
  if (method == "textDocument/completion") {
    return Completion(DocumentOf(params), data_, PositionFromJson(params.at("position")));
  }
  if (method == "textDocument/definition") {
    return Definition(DocumentOf(params), PositionFromJson(params.at("position")));
  }
  if (method == "textDocument/documentSymbol") return DocumentSymbols(DocumentOf(params));
  if (method == "textDocument/formatting") return Formatting(DocumentOf(params));
  throw RequestError(kMethodNotFound, "unknown method `" + method + "`");
}

void Server::Notification(const std::string& method, const nlohmann::json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (state_ != State::kRunning) return;
  if (method == "textDocument/didOpen") {
    const nlohmann::json& document = params.at("textDocument");
    documents_.Open(document.at("uri").get<std::string>(), document.at("text").get<std::string>(),
                    document.value("version", 0));
  } else if (method == "textDocument/didChange") {
    const nlohmann::json& document = params.at("textDocument");
    documents_.Change(document.at("uri").get<std::string>(),
                      ChangesFromJson(params.at("contentChanges")), document.value("version", 0));
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    if (documents_.Find(uri) == nullptr) return;
    writer_.Write({{"jsonrpc", "2.0"},
                   {"method", "textDocument/publishDiagnostics"},
                   {"params", {{"uri", uri}, {"diagnostics", nlohmann::json::array()}}}});
    documents_.Close(uri);
  } else if (method == "textDocument/didSave") {
    documents_.MarkAllStale();  // a saved ruleset may be imported by the others
  }
}

nlohmann::json Server::Initialize() const {
  return {
      {"capabilities",
       {{"positionEncoding", "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", kIncrementalSync}, {"save", true}}},
        {"hoverProvider", true},
        {"completionProvider", {{"triggerCharacters", {".", "\""}}}},
        {"definitionProvider", true},
        {"documentSymbolProvider", true},
        {"documentFormattingProvider", true}}},
      {"serverInfo", {{"name", "tradelint"}, {"version", version_}}}};
}

void Server::PublishStale() {
  for (const Document* document : documents_.AnalyzeStale(data_)) {
    writer_.Write({{"jsonrpc", "2.0"},
                   {"method", "textDocument/publishDiagnostics"},
                   {"params", PublishDiagnostics(*document)}});
  }
}

Document& Server::DocumentOf(const nlohmann::json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  Document* document = documents_.Find(uri);
  if (document == nullptr) throw RequestError(kInvalidParams, "`" + uri + "` is not open");
  return *document;
}

void Server::Reply(const nlohmann::json& id, nlohmann::json result) {
  writer_.Write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::ReplyError(const nlohmann::json& id, int code, const std::string& message) {
  writer_.Write(
      {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

}  // namespace tradelint::lsp
