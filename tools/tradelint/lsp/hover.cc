// textDocument/hover: what the word under the cursor is, in Markdown.

#include <string>

#include "engine/base/date.h"
#include "tools/tradelint/lsp/features.h"
#include "tools/tradelint/lsp/name_lookup.h"
#include "tools/tradelint/lsp/syntax_target.h"

namespace tradelint::lsp {
namespace {

constexpr std::size_t kMaxValuesShown = 40;
constexpr const auto& kRecordKinds = kAllRecordKinds;

std::string TypeText(const SchemaNode& node) {
  std::string text(FieldTypeName(node.type));
  if (node.type == FieldType::kList && node.items != nullptr) {
    text = "list of " + TypeText(*node.items);
  } else if (!node.type_name.empty() && node.type_name != text) {
    text += " (" + node.type_name + ")";
  }
  return text;
}

// A field's type, guide text and allowed values; empty when the path is not in the data model.
std::string FieldHover(const LanguageData& data, const SyntaxTarget& target) {
  for (const RecordKind kind : kRecordKinds) {
    if (target.record_kind && *target.record_kind != kind) continue;
    const SchemaNode* node = data.schema.Resolve(kind, target.segments);
    if (node == nullptr) continue;
    std::string text = "**`" + PathText(target.segments) + "`** · " + TypeText(*node) + " · " +
                       std::string(RecordKindName(kind)) + " field";
    if (!node->description.empty()) text += "\n\n" + node->description;
    if (!node->enum_values.empty()) {
      text += "\n\nValues:";
      for (std::size_t i = 0; i < node->enum_values.size() && i < kMaxValuesShown; ++i) {
        text += (i == 0 ? " `" : ", `") + node->enum_values[i] + "`";
      }
      if (node->enum_values.size() > kMaxValuesShown) text += ", …";
    }
    return text;
  }
  return {};
}

std::string DatesText(const ast::Effective& effective) {
  return (effective.from ? effective.from->ToString() : std::string("open")) + " to " +
         (effective.until ? effective.until->ToString() : std::string("open"));
}

std::string RuleHover(const ast::RulesetFile& file, const ast::Rule& rule) {
  std::string text = "**" + rule.title + "** · `" + file.id.text + "." + rule.id.text + "`\n\n";
  const auto item = [&](const char* label, const std::optional<ast::Word>& word) {
    if (word) text += std::string(label) + " " + word->text + " · ";
  };
  item("severity", rule.severity);
  item("applies to", rule.applies_to);
  item("domain", rule.domain);
  if (text.ends_with(" · ")) text.resize(text.size() - 3);
  if (rule.citation) text += "\n\nCites: " + rule.citation->text;
  const bool own_dates = rule.effective.from || rule.effective.until;
  text += "\n\nIn force: " + DatesText(own_dates ? rule.effective : file.effective) +
          (own_dates ? "" : " (the ruleset's dates)");
  if (rule.ref) text += "\n\nRef: " + rule.ref->text;
  return text;
}

std::string RulesetHover(const ast::RulesetFile& file) {
  std::string text =
      "**" + (file.title ? file.title->text : file.id.text) + "** · ruleset `" + file.id.text + "`";
  if (file.jurisdiction) text += "\n\nJurisdiction: " + file.jurisdiction->text;
  if (file.instrument) text += "\n\nInstrument: " + file.instrument->text;
  text += "\n\nIn force: " + DatesText(file.effective);
  if (file.version) text += "\n\nVersion: " + file.version->text;
  return text;
}

std::string DefinitionHover(const ast::RulesetFile& from, const FoundDefinition& found) {
  std::string text = "```trl\n" + std::string(found.definition->span.text()) + "\n```";
  if (found.file != &from) text += "\n\nFrom `" + found.file->id.text + "`";
  return text;
}

std::string FunctionHover(const FunctionDef& function) {
  return "```trl\n" + function.signature + "\n```\n\n" + function.summary;
}

// An upper-case name that is not a definition: a market or a currency.
std::string CodeHover(const LanguageData& data, const std::string& code) {
  if (const auto form = data.markets.Classify(code)) {
    switch (*form) {
      case MarketTable::Form::kCountry:
        return "market `" + code + "`: a country (ISO 3166-1)";
      case MarketTable::Form::kSubdivision:
        return "market `" + code + "`: a subdivision (ISO 3166-2)";
      case MarketTable::Form::kGroup: {
        std::string text = "market `" + code + "`: a group; members today:";
        for (const std::string& member : data.markets.Members(code, Date::TodayUtc())) {
          text += " " + member;
        }
        return text;
      }
    }
  }
  if (data.schema.IsCurrencyCode(code)) return "currency `" + code + "` (ISO 4217)";
  return {};
}

std::string HoverText(const LanguageData& data, const Cursor& cursor, const SyntaxTarget& target) {
  const Analysis& analysis = *cursor.analysis;
  switch (target.kind) {
    case SyntaxTarget::Kind::kNone:
    case SyntaxTarget::Kind::kTableFile:
      return {};
    case SyntaxTarget::Kind::kFieldPath:
      return FieldHover(data, target);
    case SyntaxTarget::Kind::kName: {
      const FoundDefinition found = FindDefinition(analysis, *cursor.file, target.text);
      if (found.definition != nullptr) return DefinitionHover(*cursor.file, found);
      return target.segments.empty() ? CodeHover(data, target.text) : FieldHover(data, target);
    }
    case SyntaxTarget::Kind::kFunction: {
      const FoundDefinition found = FindDefinition(analysis, *cursor.file, target.text);
      if (found.definition != nullptr) return DefinitionHover(*cursor.file, found);
      const FunctionDef* function = data.functions.Find(target.text);
      return function != nullptr ? FunctionHover(*function) : std::string();
    }
    case SyntaxTarget::Kind::kDefinition:
      return DefinitionHover(*cursor.file, {cursor.file, target.definition});
    case SyntaxTarget::Kind::kRule:
      return RuleHover(*cursor.file, *target.rule);
    case SyntaxTarget::Kind::kRuleReference: {
      const FoundRule found = FindRule(analysis, *cursor.file, target.text);
      return found.rule != nullptr ? RuleHover(*found.file, *found.rule) : std::string();
    }
    case SyntaxTarget::Kind::kRuleset: {
      const ast::RulesetFile* file = FindRuleset(analysis, target.text);
      return file != nullptr ? RulesetHover(*file) : std::string();
    }
  }
  return {};
}

}  // namespace

nlohmann::json Hover(const Document& document, const LanguageData& data, Position position) {
  const std::optional<Cursor> cursor = CursorAt(document, position);
  if (!cursor) return nullptr;
  const SyntaxTarget target = TargetAt(*cursor->file, cursor->offset);
  const std::string text = HoverText(data, *cursor, target);
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", RangeJson(target.span)}};
}

}  // namespace tradelint::lsp
