#include "engine/input/internal/gmc_xml_reader.h"

#include <fmt/format.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/input/feed_mapping.h"
#include "engine/input/internal/csv_row_reader.h"

namespace tradelint {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

std::string_view Text(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

// An element being read inside an item.
struct Element {
  std::string name;  // local name: `price` for `g:price`
  std::string text;
  std::string href;  // an Atom link's `href`, used when the element has no text
  std::vector<std::pair<std::string, ValueList>> children;  // by local name, in order

  // As a feed item value: its text when it has no child elements, else an object of its
  // children, each a list of its occurrences.
  Value ToValue() && {
    if (children.empty()) {
      const std::string_view trimmed = TrimSpaces(text);
      return Value(std::string(trimmed.empty() ? TrimSpaces(href) : trimmed));
    }
    ValueObject object;
    for (auto& [child, values] : children) object.emplace_back(child, Value(std::move(values)));
    return Value(std::move(object));
  }
  void Add(const std::string& child, Value value) {
    auto found = std::find_if(children.begin(), children.end(),
                              [&](const auto& member) { return member.first == child; });
    if (found == children.end()) found = children.insert(children.end(), {child, {}});
    found->second.push_back(std::move(value));
  }
};

}  // namespace

struct GmcXmlReader::Parser {
  struct Error {
    std::size_t line;
    std::string message;
  };

  Parser(std::streambuf& input, std::string name, const FeedRecordBuilder& record_builder)
      : source(input), source_name(std::move(name)), builder(record_builder) {
    xmlSAXHandler handler{};
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = &Parser::StartElement;
    handler.endElementNs = &Parser::EndElement;
    handler.characters = &Parser::Characters;
    handler.cdataBlock = &Parser::Characters;
    handler.serror = &Parser::OnError;
    context = xmlCreatePushParserCtxt(&handler, this, nullptr, 0, nullptr);
    // No network access and no entity substitution: a feed cannot make the parser fetch or
    // expand anything. Recovery reads on after a well-formedness error.
    if (context != nullptr) xmlCtxtUseOptions(context, XML_PARSE_NONET | XML_PARSE_RECOVER);
  }
  ~Parser() {
    if (context != nullptr) xmlFreeParserCtxt(context);
  }

  std::size_t Line() const {
    return static_cast<std::size_t>(std::max(xmlSAX2GetLineNumber(context), 1));
  }

  static void StartElement(void* self, const xmlChar* local_name, const xmlChar*, const xmlChar*,
                           int, const xmlChar**, int attribute_count, int,
                           const xmlChar** attributes) {
    auto& parser = *static_cast<Parser*>(self);
    const std::string_view name = Text(local_name);
    if (parser.open.empty()) {
      if (name != "item" && name != "entry") return;
      parser.item_line = parser.Line();
    }
    Element& element = parser.open.emplace_back();
    element.name = std::string(name);
    // Attributes come as (local name, prefix, URI, value start, value end) quintuples.
    for (int i = 0; i < attribute_count; ++i) {
      const xmlChar** attribute = attributes + 5 * i;
      if (Text(attribute[0]) == "href") {
        element.href.assign(reinterpret_cast<const char*>(attribute[3]),
                            static_cast<std::size_t>(attribute[4] - attribute[3]));
      }
    }
  }

  static void EndElement(void* self, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto& parser = *static_cast<Parser*>(self);
    if (parser.open.empty()) return;
    Element element = std::move(parser.open.back());
    parser.open.pop_back();
    if (parser.open.empty()) {
      parser.FinishItem(std::move(element).ToValue(), parser.Line());
    } else {
      std::string name = element.name;
      parser.open.back().Add(name, std::move(element).ToValue());
    }
  }

  static void Characters(void* self, const xmlChar* text, int length) {
    auto& parser = *static_cast<Parser*>(self);
    if (!parser.open.empty()) {
      parser.open.back().text.append(reinterpret_cast<const char*>(text),
                                     static_cast<std::size_t>(length));
    }
  }

  static void OnError(void* self, xmlErrorPtr error) {
    auto& parser = *static_cast<Parser*>(self);
    if (error == nullptr || error->level < XML_ERR_ERROR) return;
    const std::size_t line = static_cast<std::size_t>(std::max(error->line, 1));
    if (!parser.errors.empty() && parser.errors.back().line == line) return;  // one per line
    std::string message(TrimSpaces(error->message == nullptr ? "" : error->message));
    while (!message.empty() && message.back() == '\n') message.pop_back();
    parser.errors.push_back({line, std::move(message)});
    if (parser.open.empty()) parser.AddErrorsBefore(SIZE_MAX);
  }

  // An invalid result for each error reported before `line` and not yet given.
  void AddErrorsBefore(std::size_t line) {
    while (!errors.empty() && errors.front().line < line) {
      InputRecord& record = ready.emplace_back();
      record.source = fmt::format("{}:{}", source_name, errors.front().line);
      builder.Invalid(fmt::format("line {}: the XML is not well-formed: {}", errors.front().line,
                                  errors.front().message),
                      "", record);
      errors.pop_front();
    }
  }

  // The result of an item read from item_line to `last_line`: invalid when an error was
  // reported inside it.
  void FinishItem(Value item, std::size_t last_line) {
    AddErrorsBefore(item_line);
    InputRecord& record = ready.emplace_back();
    record.source = fmt::format("{}:{}", source_name, item_line);
    std::string problems;
    while (!errors.empty() && errors.front().line <= last_line) {
      problems += fmt::format("{}line {}: {}", problems.empty() ? "" : "; ", errors.front().line,
                              errors.front().message);
      errors.pop_front();
    }
    if (problems.empty()) {
      builder.Build(item, record);
    } else {
      const std::vector<std::string> id = AttributeTexts(item, "id");
      builder.Invalid("the item is not well-formed XML: " + problems, id.empty() ? "" : id[0],
                      record);
    }
  }

  // Parses the next chunk of input; at its end, finishes the document.
  void ParseChunk() {
    char chunk[kChunkBytes];
    const std::streamsize got = source.sgetn(chunk, sizeof chunk);
    if (got > 0) {
      xmlParseChunk(context, chunk, static_cast<int>(got), 0);
      return;
    }
    xmlParseChunk(context, nullptr, 0, 1);
    done = true;
    // An item still open at the end of the input (a cut file) is read as far as it goes.
    if (!open.empty()) {
      while (open.size() > 1) {
        Element element = std::move(open.back());
        open.pop_back();
        std::string name = element.name;
        open.back().Add(name, std::move(element).ToValue());
      }
      Element item = std::move(open.back());
      open.clear();
      FinishItem(std::move(item).ToValue(), SIZE_MAX);
    }
    AddErrorsBefore(SIZE_MAX);
  }

  std::streambuf& source;
  std::string source_name;
  const FeedRecordBuilder& builder;
  xmlParserCtxtPtr context = nullptr;
  std::vector<Element> open;  // the item being read and its open elements, outermost first
  std::size_t item_line = 0;  // where the item being read starts
  std::deque<Error> errors;   // reported by libxml2 and not yet given as a result
  std::deque<InputRecord> ready;
  bool done = false;
};

GmcXmlReader::GmcXmlReader(std::streambuf& source, std::string source_name,
                           const FeedRecordBuilder& builder)
    : parser_(std::make_unique<Parser>(source, std::move(source_name), builder)) {}

GmcXmlReader::~GmcXmlReader() = default;

bool GmcXmlReader::Next(InputRecord& out) {
  while (parser_->ready.empty() && !parser_->done && parser_->context != nullptr) {
    parser_->ParseChunk();
  }
  if (parser_->ready.empty()) return false;
  out = std::move(parser_->ready.front());
  parser_->ready.pop_front();
  return true;
}

}  // namespace tradelint
