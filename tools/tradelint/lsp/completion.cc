// textDocument/completion: read from the text before the cursor, which need not parse.
//
//   inside a string compared with a field  -> the field's enumerated values
//   `import `                              -> ruleset ids
//   `override `, `expect finding `         -> rule ids
//   `applies to `, `severity `             -> record kinds, severities
//   `path.`                                -> the fields of the path (quantifier variables too)
//   an upper-case word                     -> constants, sets, tables, market and currency codes
//   otherwise                              -> record fields, functions, definitions, words

#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "tools/tradelint/lsp/features.h"
#include "tools/tradelint/lsp/name_lookup.h"

namespace tradelint::lsp {
namespace {

// LSP's CompletionItemKind.
enum ItemKind {
  kFunctionItem = 3,
  kFieldItem = 5,
  kVariableItem = 6,
  kModuleItem = 9,
  kValueItem = 12,
  kKeywordItem = 14,
  kReferenceItem = 18,
  kEnumMemberItem = 20,
  kConstantItem = 21,
};

constexpr const auto& kRecordKinds = kAllRecordKinds;
constexpr const char* kExpressionWords[] = {"market", "as_of", "present", "missing", "any",
                                            "all",    "not",   "and",     "or",      "in",
                                            "if",     "then",  "else",    "true",    "false"};
constexpr const char* kRuleItemWords[] = {
    "ref",  "applies to", "domain",  "severity", "cite",    "responsible", "effective", "until",
    "when", "unless",     "require", "forbid",   "message", "fix",         "override"};
// A field path as written: `offer.price`, `lines[*].unit_price`, `lines[0]`.
constexpr char kPath[] = R"(([a-z_]\w*(?:\[[^\]\s]*\])*(?:\.[a-z_]\w*(?:\[[^\]\s]*\])*)*))";

class Items {
 public:
  void Add(const std::string& label, int kind, const std::string& detail = {},
           const std::string& documentation = {}) {
    if (!labels_.insert(label).second) return;
    nlohmann::json item = {{"label", label}, {"kind", kind}};
    if (!detail.empty()) item["detail"] = detail;
    if (!documentation.empty()) {
      item["documentation"] = {{"kind", "markdown"}, {"value", documentation}};
    }
    items_.push_back(std::move(item));
  }
  nlohmann::json List() && { return {{"isIncomplete", false}, {"items", std::move(items_)}}; }

 private:
  std::set<std::string> labels_;
  nlohmann::json items_ = nlohmann::json::array();
};

// Where the cursor is on its line: in a string (and where it opened), in a comment.
struct LineState {
  bool in_string = false;
  std::size_t string_start = 0;  // in_string: the offset of the opening quote in the line
  bool in_comment = false;
};

LineState ScanLine(std::string_view line) {
  LineState state;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (state.in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        state.in_string = false;
      }
    } else if (c == '"') {
      state.in_string = true;
      state.string_start = i;
    } else if (c == '#') {
      state.in_comment = true;
      return state;
    }
  }
  return state;
}

// Segments of a path as written (`lines[*].unit_price` -> lines, [], unit_price).
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> segments;
  static const std::regex kStep(R"(([a-z_]\w*)|\[[^\]]*\])");
  for (auto it = std::sregex_iterator(path.begin(), path.end(), kStep);
       it != std::sregex_iterator(); ++it) {
    segments.push_back((*it)[1].matched ? (*it)[1].str() : "[]");
  }
  return segments;
}

// The path of `path` from the record root: a leading quantifier variable bound before the
// cursor (`any x in lines[*]: x.`) stands for an element of its domain.
std::vector<std::string> RootedSegments(const std::string& before, const std::string& path) {
  std::vector<std::string> segments = Segments(path);
  if (segments.empty()) return segments;
  const std::regex binding(R"(\b(?:any|all)\s+)" + segments.front() + R"(\s+in\s+)" + kPath +
                           R"(\s*:)");
  std::smatch last;
  for (auto it = std::sregex_iterator(before.begin(), before.end(), binding);
       it != std::sregex_iterator(); ++it) {
    last = *it;
  }
  if (last.empty()) return segments;
  std::vector<std::string> rooted = RootedSegments(before.substr(0, last.position()), last[1]);
  rooted.push_back("[]");
  rooted.insert(rooted.end(), segments.begin() + 1, segments.end());
  return rooted;
}

// The record kind of the rule the cursor is in; nullopt outside a rule (a `def` may serve any).
std::optional<RecordKind> RecordKindAt(const std::string& text, std::size_t offset) {
  static const std::regex kItem(R"((^|\n)[ \t]*(rule|def|const|set|table|test|ruleset|import)\b)");
  std::size_t rule_start = std::string::npos;
  std::size_t next_item = text.size();
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kItem);
       it != std::sregex_iterator(); ++it) {
    const auto position = static_cast<std::size_t>(it->position(2));
    if (position > offset) {
      next_item = position;
      break;
    }
    rule_start = (*it)[2] == "rule" ? position : std::string::npos;
  }
  if (rule_start == std::string::npos) return std::nullopt;
  static const std::regex kAppliesTo(R"(\bapplies\s+to\s+(\w+))");
  std::smatch match;
  const std::string rule = text.substr(rule_start, next_item - rule_start);
  if (!std::regex_search(rule, match, kAppliesTo)) return std::nullopt;
  return RecordKindFromName(match[1].str());
}

void AddFields(Items& items, const SchemaNode& node) {
  for (const auto& [name, field] : node.properties) {
    items.Add(name, kFieldItem, std::string(FieldTypeName(field->type)), field->description);
  }
}

// The nodes a path may resolve to: for the kind given, else for each kind.
std::vector<const SchemaNode*> Resolve(const LanguageData& data, std::optional<RecordKind> kind,
                                       const std::vector<std::string>& segments) {
  std::vector<const SchemaNode*> nodes;
  for (const RecordKind each : kRecordKinds) {
    if (kind && *kind != each) continue;
    if (const SchemaNode* node = data.schema.Resolve(each, segments)) nodes.push_back(node);
  }
  return nodes;
}

void AddRulesets(Items& items, const LanguageData& data, const Analysis* analysis) {
  for (const auto& file : data.bundled) {
    items.Add(file->id.text, kModuleItem, file->title ? file->title->text : std::string());
  }
  if (analysis == nullptr) return;
  for (const auto& file : analysis->files) {
    items.Add(file->id.text, kModuleItem, file->title ? file->title->text : std::string());
  }
}

void AddRules(Items& items, const LanguageData& data, const Analysis* analysis) {
  if (analysis != nullptr && analysis->document != nullptr) {
    for (const ast::Rule& rule : analysis->document->rules) {
      items.Add(rule.id.text, kReferenceItem, rule.title);
    }
  }
  const auto add_file = [&](const ast::RulesetFile& file) {
    for (const ast::Rule& rule : file.rules) {
      items.Add(file.id.text + "." + rule.id.text, kReferenceItem, rule.title);
    }
  };
  if (analysis != nullptr) {
    for (const auto& file : analysis->files) add_file(*file);
  }
  for (const auto& file : data.bundled) add_file(*file);
}

void AddDefinitions(Items& items, const Document& document, bool upper_case) {
  if (document.parsed == nullptr) return;
  for (const FoundDefinition& found :
       VisibleDefinitions(*document.parsed, *document.parsed->document)) {
    const ast::Definition& definition = *found.definition;
    const bool upper = definition.kind != ast::Definition::Kind::kDef;
    if (upper != upper_case) continue;
    items.Add(definition.name, upper ? kConstantItem : kVariableItem,
              std::string(definition.span.text().substr(0, 80)));
  }
}

void AddCodes(Items& items, const LanguageData& data) {
  for (const std::string& group : data.markets.GroupNames()) {
    items.Add(group, kValueItem, "market group");
  }
  for (const std::string& country : data.markets.CountryCodes()) {
    items.Add(country, kValueItem, "country");
  }
  for (const std::string& currency : data.schema.currency_codes()) {
    items.Add(currency, kValueItem, "currency");
  }
}

}  // namespace

nlohmann::json Completion(const Document& document, const LanguageData& data, Position position) {
  Items items;
  const LineIndex lines(document.text);
  const std::size_t offset = lines.OffsetOf(position);
  const std::string before = document.text.substr(0, offset);
  const std::string line =
      before.substr(before.rfind('\n') == std::string::npos ? 0 : before.rfind('\n') + 1);
  const Analysis* analysis =
      document.parsed != nullptr ? document.parsed.get() : document.analysis.get();
  const std::optional<RecordKind> kind = RecordKindAt(document.text, offset);
  const LineState state = ScanLine(line);
  std::smatch match;
  if (state.in_comment) return std::move(items).List();
  if (state.in_string) {
    // A string compared with a field, or listed for `in`: the field's values.
    const std::string head = line.substr(0, state.string_start);
    static const std::regex kCompared(std::string(kPath) + R"(\s*(?:==|!=)\s*$)");
    static const std::regex kListed(std::string(kPath) + R"(\s+(?:not\s+)?in\s*\[[^\]]*$)");
    if (std::regex_search(head, match, kCompared) || std::regex_search(head, match, kListed)) {
      for (const SchemaNode* node : Resolve(data, kind, RootedSegments(before, match[1]))) {
        for (const std::string& value : node->enum_values) items.Add(value, kEnumMemberItem);
      }
    }
    return std::move(items).List();
  }
  static const std::regex kImport(R"(^\s*import\s+[\w.]*$)");
  static const std::regex kRuleName(
      R"((^\s*override\s+|\bexpect\s+(?:finding|fail|pass|no\s+finding)\s+)[\w.]*$)");
  static const std::regex kAppliesTo(R"(\bapplies\s+to\s+\w*$)");
  static const std::regex kSeverity(R"(^\s*severity\s+\w*$)");
  static const std::regex kMember(std::string(kPath) + R"(\.\w*$)");
  static const std::regex kUpper(R"((^|[^\w-])[A-Z][A-Z0-9_-]*$)");
  static const std::regex kItemStart(R"(^\s*\w*$)");
  if (std::regex_search(line, kImport)) {
    AddRulesets(items, data, analysis);
  } else if (std::regex_search(line, kRuleName)) {
    AddRules(items, data, analysis);
  } else if (std::regex_search(line, kAppliesTo)) {
    for (const RecordKind each : kRecordKinds) {
      items.Add(std::string(RecordKindName(each)), kKeywordItem);
    }
  } else if (std::regex_search(line, kSeverity)) {
    for (const char* severity : {"error", "warning", "info"}) items.Add(severity, kKeywordItem);
  } else if (std::regex_search(line, match, kMember)) {
    for (const SchemaNode* node : Resolve(data, kind, RootedSegments(before, match[1]))) {
      AddFields(items, *node);
    }
  } else if (std::regex_search(line, kUpper)) {
    AddDefinitions(items, document, /*upper_case=*/true);
    AddCodes(items, data);
  } else {
    for (const SchemaNode* node : Resolve(data, kind, {})) AddFields(items, *node);
    AddDefinitions(items, document, /*upper_case=*/false);
    for (const std::string& name : data.functions.Names()) {
      const FunctionDef* function = data.functions.Find(name);
      items.Add(name, kFunctionItem, function->signature, function->summary);
    }
    for (const char* word : kExpressionWords) items.Add(word, kKeywordItem);
    if (kind && std::regex_search(line, kItemStart)) {
      for (const char* word : kRuleItemWords) items.Add(word, kKeywordItem);
    }
  }
  return std::move(items).List();
}

}  // namespace tradelint::lsp
