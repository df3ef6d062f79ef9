#include "engine/input/internal/jsonld_reader.h"
#include "engine/base/ascii_case.h"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>
#include <variant>

#include "engine/diag/codes.h"
#include "engine/input/internal/csv_row_reader.h"
#include "engine/input/internal/record_text.h"
#include "engine/input/internal/text_position.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

constexpr std::string_view kBlank = " \t\r\n";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Whether a JSON-LD `@type` (a name, an IRI, or a list of them) names schema.org's Product.
bool IsProduct(const Value& type) {
  if (type.is_list()) return std::any_of(type.as_list().begin(), type.as_list().end(), IsProduct);
  if (!type.is_string()) return false;
  const std::string& name = type.as_string();
  return name == "Product" || name == "schema:Product" || name == "http://schema.org/Product" ||
         name == "https://schema.org/Product";
}

// Appends the Products in `value` to `products`: objects whose @type is Product, found
// anywhere (in `@graph`, in lists, as members of other things); a Product's own members are
// not searched.
void FindProducts(const Value& value, std::vector<Value>& products) {
  if (value.is_list()) {
    for (const Value& element : value.as_list()) FindProducts(element, products);
  } else if (value.is_object()) {
    if (IsProduct(value.Get("@type"))) {
      products.push_back(value);
      return;
    }
    for (const auto& [key, member] : value.as_object()) FindProducts(member, products);
  }
}

struct DocumentDeleter {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};

// The JSON-LD scripts under `node`, with their lines, in document order.
void FindScripts(const xmlNode* node, std::vector<std::pair<std::string, std::size_t>>& scripts) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (AsciiLower(reinterpret_cast<const char*>(node->name)) == "script") {
      xmlChar* type = xmlGetProp(node, reinterpret_cast<const xmlChar*>("type"));
      const bool json_ld =
          type != nullptr &&
          AsciiLower(TrimSpaces(reinterpret_cast<const char*>(type))) == "application/ld+json";
      xmlFree(type);
      if (json_ld) {
        xmlChar* content = xmlNodeGetContent(node);
        scripts.emplace_back(content == nullptr ? "" : reinterpret_cast<const char*>(content),
                             static_cast<std::size_t>(std::max(xmlGetLineNo(node), 1L)));
        xmlFree(content);
      }
      continue;
    }
    FindScripts(node->children, scripts);
  }
}

}  // namespace

JsonLdReader::JsonLdReader(std::istream& in, std::string source_name,
                           const FeedRecordBuilder& builder, const InputLimits& limits)
    : in_(in), source_name_(std::move(source_name)), builder_(builder), limits_(limits) {}

void JsonLdReader::ReadJsonLd(std::string_view text, std::size_t line) {
  JsonResult parsed = ParseJson(text, JsonLimits{.max_depth = limits_.max_depth});
  if (const auto* error = std::get_if<JsonError>(&parsed)) {
    const TextPosition position =
        PositionIn(text, std::min(error->byte_offset, text.size()), TextPosition{line, 1});
    InputRecord& record = found_.emplace_back();
    record.source = fmt::format("{}:{}", source_name_, line);
    record.feed = &builder_.mapping();
    record.error = RecordError{
        .code = error->kind == JsonError::Kind::kTooDeep ? std::string(record_code::kTooDeep)
                                                         : std::string(record_code::kMalformedJson),
        .message = fmt::format("line {}, column {}: the JSON-LD is not JSON: {}", position.line,
                               position.column, error->message),
        .paths = {},
        .excerpt = std::nullopt};
    return;
  }
  std::vector<Value> products;
  FindProducts(std::get<Value>(parsed), products);
  for (const Value& product : products) {
    InputRecord& record = found_.emplace_back();
    record.source = fmt::format("{}:{}", source_name_, line);
    builder_.Build(product, record);
  }
}

void JsonLdReader::ReadHtml(const std::string& page) {
  const std::unique_ptr<xmlDoc, DocumentDeleter> document(htmlReadMemory(
      page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (document == nullptr) return;
  std::vector<std::pair<std::string, std::size_t>> scripts;
  FindScripts(xmlDocGetRootElement(document.get()), scripts);
  for (const auto& [text, line] : scripts) ReadJsonLd(text, line);
}

void JsonLdReader::ReadInput() {
  std::string input;
  char chunk[64 * 1024];
  std::streambuf& source = *in_.rdbuf();
  while (input.size() <= limits_.max_record_bytes) {
    const std::streamsize got = source.sgetn(chunk, sizeof chunk);
    if (got <= 0) break;
    input.append(chunk, static_cast<std::size_t>(got));
  }
  if (input.size() > limits_.max_record_bytes) {
    InputRecord& record = found_.emplace_back();
    record.source = fmt::format("{}:1", source_name_);
    record.feed = &builder_.mapping();
    record.error = TooLargeError(input.size(), limits_.max_record_bytes);
    return;
  }
  if (input.rfind(kByteOrderMark, 0) == 0) input.erase(0, kByteOrderMark.size());
  const std::size_t first = input.find_first_not_of(kBlank);
  if (first == std::string::npos) return;
  if (input[first] == '{' || input[first] == '[') {
    ReadJsonLd(input, 1);
  } else {
    ReadHtml(input);
  }
}

bool JsonLdReader::Next(InputRecord& out) {
  if (!read_) {
    read_ = true;
    ReadInput();
  }
  if (found_.empty()) return false;
  out = std::move(found_.front());
  found_.pop_front();
  return true;
}

}  // namespace tradelint
