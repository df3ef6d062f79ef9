#pragma once
// The language server: reads JSON-RPC messages, keeps the open documents, answers requests
// with the features of features.h and publishes diagnostics.
//
// Requests are answered in order. Edits are analyzed lazily: when no more input is waiting
// (so a burst of keystrokes costs one analysis) and before any request is answered (so an
// answer sees the latest text). Malformed input (not JSON, not a JSON-RPC message, bad
// params) is answered with a JSON-RPC error, or for a notification dropped; it never stops the
// server.

#include <string>

#include <nlohmann/json.hpp>

#include "tools/tradelint/lsp/document_store.h"
#include "tools/tradelint/lsp/language_data.h"
#include "tools/tradelint/lsp/message_stream.h"

namespace tradelint::lsp {

class Server {
 public:
  // `version`: the server's, reported to the client.
  Server(const LanguageData& data, MessageWriter& writer, std::string version)
      : data_(data), writer_(writer), version_(std::move(version)) {}

  // Serves until an `exit` notification or the end of the input. Returns the process's exit
  // status as LSP specifies it: 0 after `shutdown` then `exit`, else 1.
  int Run(MessageReader& reader);

 private:
  enum class State { kUninitialized, kRunning, kShutDown };

  void Handle(const std::string& body);
  // The result of a request; throws RequestError (or nlohmann::json::exception for params of
  // the wrong shape).
  nlohmann::json Request(const std::string& method, const nlohmann::json& params);
  void Notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json Initialize() const;
  // Analyzes the documents edited since their last analysis and publishes their diagnostics.
  void PublishStale();
  // The open document a request's `textDocument.uri` names.
  Document& DocumentOf(const nlohmann::json& params);

  void Reply(const nlohmann::json& id, nlohmann::json result);
  void ReplyError(const nlohmann::json& id, int code, const std::string& message);

  const LanguageData& data_;
  MessageWriter& writer_;
  std::string version_;
  DocumentStore documents_;
  State state_ = State::kUninitialized;
  bool exit_ = false;
};

}  // namespace tradelint::lsp
