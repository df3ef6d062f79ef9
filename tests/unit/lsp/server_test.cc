// The server over pipes: framing, lifecycle, and malformed input answered with JSON-RPC errors
// rather than a crash.
#include "tools/tradelint/lsp/server.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tools/tradelint/lsp/protocol.h"

namespace tradelint::lsp {
namespace {

std::string Frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Runs a server over `input` and returns its exit status and the messages it wrote.
struct Session {
  int status = -1;
  std::vector<nlohmann::json> messages;
};

Session Serve(const std::string& input) {
  std::string error;
  static const std::unique_ptr<const LanguageData> data = LanguageData::Load(&error);
  EXPECT_NE(data, nullptr) << error;
  int to_server[2], from_server[2];
  EXPECT_EQ(::pipe(to_server), 0);
  EXPECT_EQ(::pipe(from_server), 0);
  std::thread feeder([&] {
    EXPECT_EQ(::write(to_server[1], input.data(), input.size()),
              static_cast<ssize_t>(input.size()));
    ::close(to_server[1]);
  });
  std::string output;
  std::thread drainer([&] {
    char chunk[4096];
    for (ssize_t count; (count = ::read(from_server[0], chunk, sizeof chunk)) > 0;) {
      output.append(chunk, static_cast<std::size_t>(count));
    }
  });
  Session session;
  {
    MessageReader reader(to_server[0]);
    MessageWriter writer(from_server[1]);
    Server server(*data, writer, "test");
    session.status = server.Run(reader);
  }
  ::close(from_server[1]);
  feeder.join();
  drainer.join();
  ::close(to_server[0]);
  ::close(from_server[0]);
  // Parse the frames back.
  std::size_t at = 0;
  while (at < output.size()) {
    const std::size_t header_end = output.find("\r\n\r\n", at);
    const std::size_t length = std::stoul(output.substr(at + 16, header_end - at - 16));
    session.messages.push_back(nlohmann::json::parse(output.substr(header_end + 4, length)));
    at = header_end + 4 + length;
  }
  return session;
}

const std::string kInitialize =
    Frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
const std::string kShutdownExit = Frame(R"({"jsonrpc":"2.0","id":99,"method":"shutdown"})") +
                                  Frame(R"({"jsonrpc":"2.0","method":"exit"})");

TEST(ServerTest, ShutdownThenExitIsStatusZero) {
  const Session session = Serve(kInitialize + kShutdownExit);
  EXPECT_EQ(session.status, 0);
  ASSERT_EQ(session.messages.size(), 2u);
  EXPECT_EQ(session.messages[0]["result"]["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(session.messages[1]["id"], 99);
}

TEST(ServerTest, EndOfInputWithoutShutdownIsStatusOne) { EXPECT_EQ(Serve(kInitialize).status, 1); }

TEST(ServerTest, MalformedMessagesGetErrorsAndTheServerCarriesOn) {
  const Session session = Serve(
      "Content-Type: x\r\n\r\n{\"no\": \"length\"}" +                       // no Content-Length
      Frame("{not json") +                                                  // not JSON
      Frame("[1, 2]") +                                                     // not a message
      Frame(R"({"jsonrpc":"2.0","id":[1],"method":"x"})") +                 // a bad id
      Frame(R"({"jsonrpc":"2.0","id":2,"method":"textDocument/hover"})") +  // too early
      kInitialize +
      Frame(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":7}})") +
      Frame(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}})") +
      Frame(
          R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":)"
          R"({"textDocument":{"uri":"file:///nowhere.trl"},"position":{"line":0,"character":0}}})") +
      Frame(R"({"jsonrpc":"2.0","id":5,"method":"no/such/method"})") + kShutdownExit);
  EXPECT_EQ(session.status, 0);
  std::vector<std::pair<nlohmann::json, int>> errors;
  for (const nlohmann::json& message : session.messages) {
    if (message.contains("error")) errors.push_back({message["id"], message["error"]["code"]});
  }
  const std::vector<std::pair<nlohmann::json, int>> expected = {
      {nullptr, kParseError},     {nullptr, kParseError},     {nullptr, kInvalidRequest},
      {nullptr, kInvalidRequest}, {2, kServerNotInitialized}, {3, kInvalidParams},
      {4, kInvalidParams},        {5, kMethodNotFound}};
  EXPECT_EQ(errors, expected);
}

TEST(ServerTest, ADocumentGetsDiagnosticsWithCodes) {
  const nlohmann::json open = {{"jsonrpc", "2.0"},
                               {"method", "textDocument/didOpen"},
                               {"params",
                                {{"textDocument",
                                  {{"uri", "untitled:Untitled-1"},
                                   {"version", 7},
                                   {"text", "ruleset scratch {\n  jurisdiction XX\n}\n"}}}}}};
  const Session session = Serve(kInitialize + Frame(open.dump()) + kShutdownExit);
  ASSERT_EQ(session.messages.size(), 3u);
  const nlohmann::json& published = session.messages[1];
  EXPECT_EQ(published["method"], "textDocument/publishDiagnostics");
  EXPECT_EQ(published["params"]["version"], 7);
  ASSERT_FALSE(published["params"]["diagnostics"].empty());
  const nlohmann::json& first = published["params"]["diagnostics"][0];
  EXPECT_EQ(first["range"]["start"]["line"], 1);
  EXPECT_EQ(first["source"], "tradelint");
  EXPECT_TRUE(first["code"].is_string());
}

}  // namespace
}  // namespace tradelint::lsp
