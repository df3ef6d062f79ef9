// ParseJson's two parsers agree: on every record file of the repository and on edge cases,
// the simdjson fast path builds the same Value as the nlohmann parser (ParseJsonPrecise), and
// ParseJson as a whole gives the same Value or the same error as ParseJsonPrecise.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "engine/base/file.h"
#include "engine/json/internal/simd_parser.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;

struct Document {
  std::string name;  // where it comes from, for failure messages
  std::string text;
};

std::string Dump(const Value& value) {
  std::string out;
  AppendJson(out, value);
  return out;
}

std::string Describe(const JsonResult& result) {
  if (const Value* value = std::get_if<Value>(&result)) return "value " + Dump(*value);
  const JsonError& error = std::get<JsonError>(result);
  std::ostringstream out;
  out << "error kind " << static_cast<int>(error.kind) << " at byte " << error.byte_offset << ": "
      << error.message;
  return out.str();
}

// Equal Values (written out with exact decimals and in member order), or equal errors.
void ExpectSameResult(const JsonResult& precise, const JsonResult& other, const Document& doc) {
  EXPECT_EQ(Describe(precise), Describe(other)) << doc.name;
  if (std::holds_alternative<Value>(precise) && std::holds_alternative<Value>(other)) {
    EXPECT_TRUE(std::get<Value>(precise) == std::get<Value>(other)) << doc.name;
  }
}

// Returns whether the fast path took the document.
bool ExpectParsersAgree(const Document& doc, const JsonLimits& limits = {}) {
  const JsonResult precise = ParseJsonPrecise(doc.text, limits);
  ExpectSameResult(precise, ParseJson(doc.text, limits), doc);
  const std::optional<Value> fast = json_internal::ParseJsonFast(doc.text, limits.max_depth);
  if (!fast) return false;
  ExpectSameResult(precise, JsonResult(*fast), doc);
  return true;
}

// Every record file under examples/ and tests/: each .json file whole, each line of a
// .jsonl file, and every file of the record reader's fuzz corpus whole.
std::vector<Document> RecordFiles() {
  std::vector<Document> documents;
  for (const char* folder : {"examples", "tests"}) {
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(TRADELINT_SOURCE_DIR) / folder)) {
      if (!entry.is_regular_file()) continue;
      const fs::path& path = entry.path();
      const std::string extension = path.extension().string();
      const bool fuzz_seed = path.parent_path().filename() == "record_reader";
      if (extension != ".json" && extension != ".jsonl" && !fuzz_seed) continue;
      std::optional<std::string> text = ReadFile(path.string());
      if (!text) {
        ADD_FAILURE() << "cannot read " << path;
        continue;
      }
      const std::string name = fs::relative(path, TRADELINT_SOURCE_DIR).string();
      if (extension == ".jsonl") {
        std::istringstream lines(*text);
        std::string line;
        for (int number = 1; std::getline(lines, line); ++number) {
          documents.push_back({name + ":" + std::to_string(number), line});
        }
      }
      documents.push_back({name, *text});
    }
  }
  return documents;
}

TEST(ParsersAgree, OnEveryRecordFile) {
  const std::vector<Document> documents = RecordFiles();
  ASSERT_GT(documents.size(), 100u);
  std::size_t fast = 0;
  for (const Document& doc : documents) fast += ExpectParsersAgree(doc) ? 1 : 0;
  // Most record files are well-formed, so the fast path must have taken most of them.
  EXPECT_GT(fast, documents.size() / 2) << fast << " of " << documents.size();
}

std::string Nested(int depth, const std::string& open, const std::string& close) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += "1";
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

class ParsersAgreeOnEdgeCases : public testing::TestWithParam<std::string> {};

TEST_P(ParsersAgreeOnEdgeCases, SameValueOrSameError) {
  ExpectParsersAgree({"edge case " + GetParam(), GetParam()});
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, ParsersAgreeOnEdgeCases,
    testing::Values(R"({"n": 123456789012345678901234567890})",  // beyond 64 bits
                    R"({"n": 12345678901234567890123456789012345678901234567890})",
                    R"({"n": -99999999999999999999999999999999999999})", R"({"n": 1e400})",
                    R"({"n": 1e-400})", R"({"n": 1E+2})", R"({"n": 2.5e-3})", R"({"n": 0.1})",
                    R"({"n": 1.10})", R"({"n": -0.0})", R"({"n": -0})",
                    R"({"n": 0.30000000000000004})", R"({"n": 19.990})", R"({"n": 00})",
                    R"({"n": 1.})", R"({"n": +1})", R"({"n": NaN})", R"({"n": Infinity})",
                    R"([1, 2.0, 3e0, -4.5E1])"));

INSTANTIATE_TEST_SUITE_P(
    Strings, ParsersAgreeOnEdgeCases,
    testing::Values(R"({"s": "\u00e9\u20ac"})",      // BMP escapes
                    R"({"s": "\ud83d\ude00"})",      // a surrogate pair
                    R"({"s": "\ud800"})",            // a lone high surrogate
                    R"({"s": "\udc00x"})",           // a lone low surrogate
                    R"({"s": "\u0000"})",            // an escaped NUL
                    R"({"s": "\/\b\f\n\r\t\"\\"})",  // every short escape
                    R"({"s": "\x41"})",              // not a JSON escape
                    R"({"s": "\u12"})",              // a short \u escape
                    "{\"s\": \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"}",  // raw UTF-8
                    "{\"s\": \"raw\ttab\"}", "{\"s\": \"raw\nnewline\"}",
                    R"({"": "empty key", "k": ""})"));

INSTANTIATE_TEST_SUITE_P(
    InvalidUtf8, ParsersAgreeOnEdgeCases,
    testing::Values(std::string("{\"s\": \"\xff\"}"),              // never valid
                    std::string("{\"s\": \"\xC3\"}"),              // truncated sequence
                    std::string("{\"s\": \"\xC0\x80\"}"),          // overlong NUL
                    std::string("{\"s\": \"\xED\xA0\x80\"}"),      // an encoded surrogate
                    std::string("{\"s\": \"\xF4\x90\x80\x80\"}"),  // above U+10FFFF
                    std::string("{\"\xE9t\xE9\": 1}"),             // Latin-1 in a key
                    std::string("\xEF\xBB\xBF{\"bom\": 1}")));     // a byte order mark

INSTANTIATE_TEST_SUITE_P(
    Structure, ParsersAgreeOnEdgeCases,
    testing::Values(R"({"a": 1, "b": 2, "a": 3})",  // duplicate keys: first place, last value
                    R"({"a": {"x": 1}, "a": [2], "a": null})", R"({"a": 1, "a": 1, "a": 1})",
                    Nested(63, "[", "]"), Nested(64, "[", "]"), Nested(65, "[", "]"),
                    Nested(63, "{\"k\":", "}"), Nested(64, "{\"k\":", "}"),
                    Nested(65, "{\"k\":", "}"), Nested(10000, "[", "]"), "", " ", "null", "true",
                    "42", R"("root string")", "[]", "{}", R"({"a": 1} x)", R"({"a": 1}})",
                    R"({"a": 1,})", R"([1,,2])", R"([1,])", R"({"a" 1})", R"({a: 1})",
                    R"({'a': 1})", "{\"a\": 1}\n\n", std::string("{\"a\": 1}\0", 9), "{\"a\":\v1}",
                    "/* c */ {}"));

TEST(ParsersAgree, UnderASmallDepthLimit) {
  for (int depth = 1; depth <= 6; ++depth) {
    ExpectParsersAgree({"array depth " + std::to_string(depth), Nested(depth, "[", "]")},
                       JsonLimits{.max_depth = 4});
    ExpectParsersAgree({"object depth " + std::to_string(depth), Nested(depth, "{\"k\":", "}")},
                       JsonLimits{.max_depth = 4});
  }
}

}  // namespace
}  // namespace tradelint
