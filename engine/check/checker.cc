#include "engine/check/checker.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "engine/base/file.h"
#include "engine/base/spelling.h"
#include "engine/check/internal/condition_lints.h"
#include "engine/check/internal/expr_checker.h"
#include "engine/check/internal/metadata_lints.h"
#include "engine/diag/codes.h"

namespace tradelint {
namespace {

using check_internal::DefinitionTable;
using check_internal::ExprChecker;
using check_internal::LintConditions;
using check_internal::LintMetadata;

constexpr std::array<std::string_view, 6> kDomains = {
    "consumer_protection", "product_safety", "privacy", "ip", "customs_tax", "sanctions"};
constexpr std::array<std::string_view, 5> kResponsibleParties = {
    "seller", "marketplace", "importer", "eu_responsible_person", "carrier"};
constexpr std::array<std::string_view, 3> kSeverities = {"error", "warning", "info"};
constexpr std::array<std::string_view, 5> kRecordKinds = {"listing", "transaction", "seller",
                                                          "payment", "waybill"};
constexpr std::array<std::string_view, 5> kVerdicts = {"pass", "warn", "fail", "not_covered",
                                                       "invalid"};
constexpr std::array<std::string_view, 3> kBases = {"violation", "missing_data", "undecided"};
// Names the language gives a meaning of its own; a `def` may not take them.
constexpr std::array<std::string_view, 4> kReservedNames = {"present", "missing", "market",
                                                            "as_of"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& options, std::string_view word) {
  return std::find(options.begin(), options.end(), word) != options.end();
}

template <std::size_t N>
std::string ListOf(const std::array<std::string_view, N>& options) {
  std::string text;
  for (std::size_t i = 0; i < N; ++i) text += (i ? ", `" : "`") + std::string(options[i]) + "`";
  return text;
}

template <std::size_t N>
std::string Suggestion(const std::array<std::string_view, N>& options, std::string_view word) {
  const std::string match =
      ClosestMatch(word, std::vector<std::string>(options.begin(), options.end()));
  return match.empty() ? "one of " + ListOf(options) : "did you mean `" + match + "`?";
}

std::string Quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// State shared by the passes.
struct Compilation {
  const CheckEnvironment& environment;
  Diagnostics& diagnostics;
  const std::vector<const ast::RulesetFile*>& files;
  std::map<std::string, const ast::RulesetFile*, std::less<>> by_id;
  std::vector<DefinitionTable> tables;                             // parallel to files
  std::vector<CheckedRuleset> rulesets;                            // parallel to files
  std::set<const ast::Definition*> used_definitions;               // by the rules checked so far
  std::map<const ast::Definition*, LookupTablePtr> loaded_tables;  // null when loading failed
  std::set<std::string, std::less<>> languages;  // environment.languages->AllLanguages()
};

// Pass: ruleset ids and the names inside each file are unique.
void DeclarationsPass(Compilation& c) {
  for (const ast::RulesetFile* file : c.files) {
    auto [existing, inserted] = c.by_id.emplace(file->id.text, file);
    if (!inserted) {
      Diagnostic& d = c.diagnostics.Error(code::kDuplicateRuleset, file->id.span,
                                          "ruleset " + Quoted(file->id.text) + " is defined twice");
      d.labels.push_back({existing->second->id.span, "first defined here"});
    }
    std::map<std::string, const ast::Definition*> names;
    for (const ast::Definition& definition : file->definitions) {
      if (OneOf(kReservedNames, definition.name) ||
          c.environment.functions->Find(definition.name) != nullptr) {
        c.diagnostics.Error(code::kReservedName, definition.name_span,
                            Quoted(definition.name) + " is a built-in name", "choose another name");
      }
      auto [previous, fresh] = names.emplace(definition.name, &definition);
      if (!fresh) {
        Diagnostic& d = c.diagnostics.Error(code::kDuplicateDefinition, definition.name_span,
                                            Quoted(definition.name) + " is defined twice");
        d.labels.push_back({previous->second->name_span, "first defined here"});
      }
    }
    std::map<std::string, const ast::Rule*> rules;
    for (const ast::Rule& rule : file->rules) {
      auto [previous, fresh] = rules.emplace(rule.id.text, &rule);
      if (!fresh) {
        Diagnostic& d = c.diagnostics.Error(code::kDuplicateRule, rule.id.span,
                                            "rule " + Quoted(rule.id.text) + " is defined twice");
        d.labels.push_back({previous->second->id.span, "first defined here"});
      }
    }
  }
}

// Whether a constant's body names another constant whose value is not computed yet.
bool RefersToUnfoldedConstant(const ast::Expr& expr, const DefinitionTable& table) {
  if (const auto* upper = std::get_if<ast::UpperName>(&expr.node)) {
    return table.definitions.count(upper->name) && !table.constants.count(upper->name);
  }
  if (const auto* list = std::get_if<ast::ListLiteral>(&expr.node)) {
    return std::any_of(list->items.begin(), list->items.end(), [&](const ast::ExprPtr& item) {
      return RefersToUnfoldedConstant(*item, table);
    });
  }
  if (const auto* unary = std::get_if<ast::Unary>(&expr.node)) {
    return RefersToUnfoldedConstant(*unary->operand, table);
  }
  return false;
}

// The name the report gives a table: its path from the folder above the ruleset's own (the
// bundled layout `rulesets/eu/gdpr.trl` -> `reference/privacy/...csv`), else the full path.
std::string TableReportName(const std::filesystem::path& table_path,
                            const std::filesystem::path& ruleset_path) {
  const std::filesystem::path root = ruleset_path.parent_path().parent_path();
  const std::filesystem::path relative = table_path.lexically_relative(root);
  if (root.empty() || relative.empty() || *relative.begin() == "..") return table_path.string();
  return relative.string();
}

// The file `name` written in `file` names: relative to the ruleset file. When it exists, it must
// resolve inside the file's rules root; reports `path_outside_rules_root` and returns nullopt
// when it does not.
std::optional<std::filesystem::path> ResolveNamedFile(Compilation& c, const ast::RulesetFile& file,
                                                      const ast::Word& name) {
  const std::filesystem::path ruleset_path(file.source->path());
  const std::filesystem::path path = (ruleset_path.parent_path() / name.text).lexically_normal();
  std::string root =
      file.rules_root.empty() ? ruleset_path.parent_path().string() : file.rules_root;
  if (root.empty()) root = ".";
  std::error_code error;
  if (std::filesystem::exists(path, error) && !ResolvesInside(path.string(), root)) {
    c.diagnostics.Error(code::kPathOutsideRulesRoot, name.span,
                        Quoted(path.string()) + " leads outside the rules folder " + Quoted(root),
                        "keep the files a ruleset names inside the folder given with `--rules`");
    return std::nullopt;
  }
  return path;
}

// Loads the file of a `table` definition; reports why it cannot and returns null.
LookupTablePtr LoadTable(Compilation& c, const ast::RulesetFile& file,
                         const ast::Definition& definition) {
  const std::filesystem::path ruleset_path(file.source->path());
  const std::optional<std::filesystem::path> resolved =
      ResolveNamedFile(c, file, definition.table_file);
  if (!resolved) return nullptr;
  const std::filesystem::path& path = *resolved;
  // A file of --reference-data replaces the bundled one; it is the user's own, outside the
  // rules root by design.
  const ReferenceOverlay::File source = c.environment.reference_overlay != nullptr
                                            ? c.environment.reference_overlay->Locate(path.string())
                                            : ReferenceOverlay::File{path.string(), std::nullopt};
  std::string reason;
  const std::optional<std::string> text =
      ReadFile(source.path, c.environment.file_limits.max_table_bytes, &reason);
  if (!text) {
    c.diagnostics.Error(code::kTableUnreadable, definition.table_file.span,
                        "the table file " + Quoted(source.path) + " " + reason,
                        "the path is relative to the ruleset file");
    return nullptr;
  }
  std::string error;
  const MarketTable& markets = *c.environment.markets;
  std::optional<LookupTable> table = LookupTable::Parse(
      *text, source.path, TableReportName(path, ruleset_path),
      [&markets](std::string_view code) { return markets.IsValidMarket(code); }, &error,
      source.sidecar ? &*source.sidecar : nullptr);
  if (!table) {
    c.diagnostics.Error(code::kInvalidTable, definition.table_file.span, error,
                        "see the `table` section of docs/language.md for the file format");
    return nullptr;
  }
  return std::make_shared<const LookupTable>(std::move(*table));
}

// Reports each import that closes a cycle: a ruleset importing itself, or one importing
// another that imports it back, directly or through others. A cycle is a layering mistake
// (a shared part belongs in a ruleset both import), so it is an error, reported once, at the
// import that closes it.
void ReportImportCycles(Compilation& c) {
  enum class State { kUnvisited, kOpen, kDone };
  std::map<const ast::RulesetFile*, State> states;
  std::vector<const ast::RulesetFile*> open;  // the chain of imports being followed
  std::function<void(const ast::RulesetFile*)> visit = [&](const ast::RulesetFile* file) {
    states[file] = State::kOpen;
    open.push_back(file);
    for (const ast::Word& import : file->imports) {
      const auto imported = c.by_id.find(import.text);
      if (imported == c.by_id.end()) continue;
      const State state = states[imported->second];
      if (state == State::kUnvisited) {
        visit(imported->second);
      } else if (state == State::kOpen && imported->second == file) {
        c.diagnostics.Error(code::kImportCycle, import.span,
                            "ruleset " + Quoted(file->id.text) + " imports itself",
                            "remove the import: a ruleset always sees its own definitions");
      } else if (state == State::kOpen) {
        std::string chain;
        for (auto it = std::find(open.begin(), open.end(), imported->second); it != open.end();
             ++it) {
          chain += Quoted((*it)->id.text) + " imports ";
        }
        c.diagnostics.Error(code::kImportCycle, import.span,
                            "imports form a cycle: " + chain + Quoted(import.text),
                            "move what the rulesets share into a ruleset that imports neither");
      }
    }
    open.pop_back();
    states[file] = State::kDone;
  };
  for (const ast::RulesetFile* file : c.files) {
    if (states[file] == State::kUnvisited) visit(file);
  }
}

// Pass: imports resolve and form no cycle; each file's visible definitions and constant
// values are computed.
void ImportsPass(Compilation& c) {
  ReportImportCycles(c);
  for (const ast::RulesetFile* file : c.files) {
    for (const ast::Definition& definition : file->definitions) {
      if (definition.kind == ast::Definition::Kind::kTable) {
        c.loaded_tables[&definition] = LoadTable(c, *file, definition);
      }
    }
  }
  c.tables.resize(c.files.size());
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    const ast::RulesetFile& file = *c.files[i];
    DefinitionTable& table = c.tables[i];
    for (const ast::Word& import : file.imports) {
      auto imported = c.by_id.find(import.text);
      if (imported == c.by_id.end()) {
        std::vector<std::string> ids;
        for (const auto& [id, other] : c.by_id) ids.push_back(id);
        const std::string suggestion = ClosestMatch(import.text, ids);
        c.diagnostics.Error(code::kUnknownImport, import.span,
                            "no ruleset named " + Quoted(import.text) + " was loaded",
                            suggestion.empty() ? "add its folder with `--rules`"
                                               : "did you mean `" + suggestion + "`?");
        continue;
      }
      for (const ast::Definition& definition : imported->second->definitions) {
        table.definitions.emplace(definition.name, &definition);
      }
    }
    // The file's own definitions shadow imported ones.
    for (const ast::Definition& definition : file.definitions) {
      table.definitions[definition.name] = &definition;
    }
    // A table is also the set of its keys; one that failed to load is an unknown value, so
    // its uses report nothing further.
    for (const auto& [name, definition] : table.definitions) {
      if (definition->kind != ast::Definition::Kind::kTable) continue;
      const LookupTablePtr& loaded = c.loaded_tables[definition];
      table.constants.emplace(name, loaded ? loaded->keys() : Value());
      if (loaded) table.tables.emplace(name, loaded);
    }
  }
  // Constants may refer to each other (also across imports): fold until nothing changes.
  for (bool progress = true; progress;) {
    progress = false;
    for (DefinitionTable& table : c.tables) {
      for (const auto& [name, definition] : table.definitions) {
        if (definition->kind == ast::Definition::Kind::kDef || table.constants.count(name))
          continue;
        if (RefersToUnfoldedConstant(*definition->body, table)) continue;
        std::optional<Value> value = ExprChecker::FoldConstant(*definition->body, table);
        if (!value) continue;
        if (definition->kind == ast::Definition::Kind::kSet && !value->is_list()) {
          value = Value(ValueList{*value});
        }
        table.constants.emplace(name, std::move(*value));
        progress = true;
      }
    }
  }
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    DefinitionTable& table = c.tables[i];
    for (const ast::Definition& definition : c.files[i]->definitions) {
      if (definition.kind == ast::Definition::Kind::kDef ||
          definition.kind == ast::Definition::Kind::kTable)
        continue;
      if (!table.constants.count(definition.name)) {
        c.diagnostics.Error(code::kNotConstant, definition.body->span,
                            Quoted(definition.name) +
                                " must be a constant: literals, lists of "
                                "literals, codes and other constants",
                            "use `def` for a value computed from the record");
        // Uses of the name resolve to an unknown value, so they report nothing further.
        table.constants.emplace(definition.name, Value());
        continue;
      }
      // The codes and money in a constant are checked like any expression's.
      ExprChecker(c.environment, table, RecordKind::kListing, c.diagnostics)
          .Check(*definition.body);
    }
  }
}

bool CheckMarketWord(Compilation& c, const ast::Word& word, bool allow_global) {
  if ((allow_global && word.text == "GLOBAL") || c.environment.markets->IsValidMarket(word.text)) {
    return true;
  }
  const std::string suggestion = c.environment.markets->Suggest(word.text);
  c.diagnostics.Error(code::kUnknownMarket, word.span,
                      Quoted(word.text) + " is not a country, subdivision or market group",
                      suggestion.empty()
                          ? "use an ISO 3166 code such as `DE` or `US-CA`, or `EU`, `EEA`, `GCC`"
                          : "did you mean `" + suggestion + "`?");
  return false;
}

void CheckDates(Compilation& c, const ast::Effective& effective) {
  if (effective.from && effective.until && *effective.until < *effective.from) {
    c.diagnostics.Error(code::kInvalidDates, effective.span,
                        "the last day in force comes before the first",
                        "`until` names the last day in force, both ends inclusive");
  }
}

// Pass: ruleset headers.
void HeadersPass(Compilation& c) {
  c.rulesets.resize(c.files.size());
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    const ast::RulesetFile& file = *c.files[i];
    CheckedRuleset& ruleset = c.rulesets[i];
    ruleset.id = file.id.text;
    ruleset.path = file.source->path();
    for (const ast::Definition& definition : file.definitions) {
      if (definition.kind != ast::Definition::Kind::kTable) continue;
      if (const LookupTablePtr& table = c.loaded_tables[&definition])
        ruleset.tables.push_back(table);
    }
    if (file.title) ruleset.title = file.title->text;
    if (file.instrument) ruleset.instrument = file.instrument->text;
    if (file.version) ruleset.version = file.version->text;
    for (const ast::Word& fact : file.scope_facts) {
      if (std::any_of(ruleset.scope_facts.begin(), ruleset.scope_facts.end(),
                      [&](const ScopeFact& other) { return other.path == fact.text; })) {
        c.diagnostics.Error(code::kDuplicateItem, fact.span,
                            "scope fact " + Quoted(fact.text) + " is given twice", "keep one");
        continue;
      }
      ruleset.scope_facts.push_back({fact.text});
    }
    ruleset.effective_from = file.effective.from;
    ruleset.effective_until = file.effective.until;
    CheckDates(c, file.effective);
    if (!file.jurisdiction) {
      c.diagnostics.Error(code::kMissingItem, file.id.span,
                          "ruleset " + Quoted(file.id.text) + " has no `jurisdiction`",
                          "add `jurisdiction EU` (a market code, or `GLOBAL` for every market)");
    } else if (CheckMarketWord(c, *file.jurisdiction, true)) {
      ruleset.jurisdiction = file.jurisdiction->text;
    }
  }
}

// A read in `expr` of the record field `path` or of a field inside it (`path.x`, `path[*]`),
// preferring a read of `path` itself; null when there is none.
const CheckedExpr* FindRecordPath(const CheckedExpr& expr, std::string_view path) {
  if (expr.ReadsRecordField(path)) return &expr;
  const CheckedExpr* found = nullptr;
  for (const CheckedExprPtr& child : expr.children) {
    const CheckedExpr* read = child != nullptr ? FindRecordPath(*child, path) : nullptr;
    if (read != nullptr && (found == nullptr || read->path_text == path)) found = read;
  }
  return found;
}

CheckedText CheckText(const ast::Text& text, ExprChecker& checker) {
  CheckedText checked;
  checked.language = text.language;
  for (const ast::Text::Piece& piece : text.pieces) {
    checked.pieces.push_back({piece.literal, piece.expr ? checker.Check(*piece.expr) : nullptr});
  }
  return checked;
}

// The data model of a group record whose members are of `kinds`: one list per kind, named
// after it, of records of that kind; and `link`, the key they share.
std::shared_ptr<const SchemaNode> GroupRecordSchema(const Schema& schema,
                                                    const std::vector<GroupLink>& links) {
  auto root = std::make_shared<SchemaNode>();
  root->type = FieldType::kObject;
  root->description = "a group of linked records";
  for (const GroupLink& link : links) {
    auto members = std::make_shared<SchemaNode>();
    members->type = FieldType::kList;
    members->description =
        "the group's " + std::string(RecordKindName(link.kind)) + " records, in input order";
    // The schema outlives every Program checked against it.
    members->items = std::shared_ptr<const SchemaNode>(std::shared_ptr<const SchemaNode>(),
                                                       &schema.Root(link.kind));
    root->properties.emplace(std::string(RecordKindName(link.kind)), std::move(members));
  }
  auto key = std::make_shared<SchemaNode>();
  key->description = "the key the group's members share";
  root->properties.emplace("link", std::move(key));
  for (const auto& [name, property] : root->properties)
    root->property_index.emplace(name, property.get());
  return root;
}

// The longest window a group rule may have: a year (a leap year's 366 days). It bounds how
// long a group stays open, hence the memory of a streaming run (docs/language.md).
constexpr std::int64_t kMaxWindowDays = 366;

// A group rule's links and window (docs/language.md, "Group rules").
GroupSpec CheckGroup(Compilation& c, std::size_t file_index, const ast::Rule& rule) {
  GroupSpec group;
  if (rule.applies_to) {
    c.diagnostics.Error(code::kInvalidValue, rule.applies_to->span,
                        "a group rule has no `applies to`: its `link`s name the kinds it joins",
                        "write `link " + rule.applies_to->text + " by <key>`");
  }
  if (rule.links.empty()) {
    c.diagnostics.Error(code::kMissingItem, rule.id.span,
                        "group rule " + Quoted(rule.id.text) + " has no `link`",
                        "add `link transaction by id`");
  }
  for (const ast::Link& link : rule.links) {
    const std::optional<RecordKind> kind = RecordKindFromName(link.kind.text);
    if (!kind) {
      c.diagnostics.Error(code::kInvalidValue, link.kind.span,
                          Quoted(link.kind.text) + " is not a record kind",
                          Suggestion(kRecordKinds, link.kind.text));
      continue;
    }
    const bool repeated = std::any_of(group.links.begin(), group.links.end(),
                                      [&](const GroupLink& other) { return other.kind == *kind; });
    if (repeated) {
      c.diagnostics.Error(code::kDuplicateItem, link.span,
                          Quoted(link.kind.text) + " is linked twice", "keep one `link`");
      continue;
    }
    ExprChecker checker(c.environment, c.tables[file_index], *kind, c.diagnostics);
    checker.RecordUsesIn(&c.used_definitions);
    GroupLink& checked = group.links.emplace_back();
    checked.kind = *kind;
    checked.key = checker.Check(*link.key);
    checked.slot_count = checker.slot_count();
  }
  if (!rule.within) {
    c.diagnostics.Error(code::kMissingItem, rule.id.span,
                        "group rule " + Quoted(rule.id.text) + " has no `within`",
                        "add `within 30 days`");
  } else {
    group.within = rule.within->value.as_duration();
    const Duration& within = group.within;
    const bool too_long = within.unit() == Duration::Unit::kMonths
                              ? within.count() > 12
                              : within.count() > kMaxWindowDays;
    if (too_long || within.count() < 0) {
      c.diagnostics.Error(code::kInvalidValue, rule.within_span,
                          "a group's window is at most a year (" + std::to_string(kMaxWindowDays) +
                              " days or 12 months)",
                          "link by a key that includes the year instead, e.g. `[buyer.id, "
                          "year(created_at)]`");
    }
  }
  group.record_schema = GroupRecordSchema(*c.environment.schema, group.links);
  return group;
}

CheckedRule CheckRule(Compilation& c, std::size_t file_index, const ast::Rule& rule) {
  const ast::RulesetFile& file = *c.files[file_index];
  const CheckedRuleset& ruleset = c.rulesets[file_index];
  const int errors_before = c.diagnostics.error_count();
  CheckedRule checked;
  checked.local_id = rule.id.text;
  checked.id = file.id.text + "." + rule.id.text;
  checked.ruleset = file.id.text;
  checked.jurisdiction = ruleset.jurisdiction;
  checked.title = rule.title;
  for (const ast::TitleTranslation& translation : rule.title_translations)
    checked.title_translations.emplace(translation.language, translation.text);
  checked.span = rule.span;
  if (rule.ref) checked.ref = rule.ref->text;
  if (rule.citation) checked.citation = rule.citation->text;

  auto require_item = [&](bool present, std::string_view item, std::string_view example) {
    if (present) return true;
    c.diagnostics.Error(code::kMissingItem, rule.id.span,
                        "rule " + Quoted(rule.id.text) + " has no `" + std::string(item) + "`",
                        "add `" + std::string(example) + "`");
    return false;
  };
  require_item(rule.citation.has_value(), "cite", "cite \"Regulation (EU) 2023/988, Art. 19(a)\"");
  if (rule.group) {
    checked.group = CheckGroup(c, file_index, rule);
    if (!checked.group->links.empty()) checked.applies_to = checked.group->links.front().kind;
  } else {
    if (!rule.links.empty() || rule.within) {
      c.diagnostics.Error(
          code::kInvalidValue, rule.links.empty() ? rule.within_span : rule.links.front().span,
          "only a group rule links records", "write `group rule " + rule.id.text + " { ... }`");
    }
    if (require_item(rule.applies_to.has_value(), "applies to", "applies to listing")) {
      std::optional<RecordKind> kind = RecordKindFromName(rule.applies_to->text);
      if (!kind) {
        c.diagnostics.Error(code::kInvalidValue, rule.applies_to->span,
                            Quoted(rule.applies_to->text) + " is not a record kind",
                            Suggestion(kRecordKinds, rule.applies_to->text));
      } else {
        checked.applies_to = *kind;
      }
    }
  }
  if (require_item(rule.domain.has_value(), "domain", "domain product_safety")) {
    if (!OneOf(kDomains, rule.domain->text)) {
      c.diagnostics.Error(code::kInvalidValue, rule.domain->span,
                          Quoted(rule.domain->text) + " is not a domain",
                          Suggestion(kDomains, rule.domain->text));
    }
    checked.domain = rule.domain->text;
  }
  if (require_item(rule.severity.has_value(), "severity", "severity error")) {
    std::optional<Severity> severity = SeverityFromName(rule.severity->text);
    if (!severity) {
      c.diagnostics.Error(code::kInvalidValue, rule.severity->span,
                          Quoted(rule.severity->text) + " is not a severity",
                          Suggestion(kSeverities, rule.severity->text));
    } else {
      checked.severity = *severity;
    }
  }
  if (rule.responsible) {
    if (!OneOf(kResponsibleParties, rule.responsible->text)) {
      c.diagnostics.Error(code::kInvalidValue, rule.responsible->span,
                          Quoted(rule.responsible->text) + " is not a responsible party",
                          Suggestion(kResponsibleParties, rule.responsible->text));
    }
    checked.responsible = rule.responsible->text;
  }

  // The rule's dates narrow the ruleset's.
  CheckDates(c, rule.effective);
  checked.effective_from = rule.effective.from ? rule.effective.from : ruleset.effective_from;
  checked.effective_until = rule.effective.until ? rule.effective.until : ruleset.effective_until;
  if (rule.effective.from && ruleset.effective_from &&
      *rule.effective.from < *ruleset.effective_from) {
    c.diagnostics.Warning(code::kDatesOutsideRuleset, rule.effective.span,
                          "the rule starts before its ruleset; the ruleset's start applies");
    checked.effective_from = ruleset.effective_from;
  }
  if (rule.effective.until && ruleset.effective_until &&
      *ruleset.effective_until < *rule.effective.until) {
    c.diagnostics.Warning(code::kDatesOutsideRuleset, rule.effective.span,
                          "the rule ends after its ruleset; the ruleset's end applies");
    checked.effective_until = ruleset.effective_until;
  }

  ExprChecker checker =
      checked.group
          ? ExprChecker(c.environment, c.tables[file_index], *checked.group->record_schema,
                        "a group record", c.diagnostics)
          : ExprChecker(c.environment, c.tables[file_index], checked.applies_to, c.diagnostics);
  checker.RecordUsesIn(&c.used_definitions);
  for (const ast::ExprPtr& when : rule.when)
    checked.when.push_back(checker.CheckCondition(*when, "when"));
  for (const ast::ExprPtr& unless : rule.unless) {
    checked.unless.push_back(checker.CheckCondition(*unless, "unless"));
  }
  if (require_item(rule.require != nullptr || rule.forbid != nullptr, "require",
                   "require present(product.manufacturer.name)` or `forbid ...")) {
    checked.forbid = rule.forbid != nullptr;
    checked.obligation = checker.CheckCondition(checked.forbid ? *rule.forbid : *rule.require,
                                                checked.forbid ? "forbid" : "require");
  }
  const bool has_default_message =
      std::any_of(rule.messages.begin(), rule.messages.end(),
                  [](const ast::Text& text) { return text.language.empty(); });
  require_item(has_default_message, "message", "message \"what the seller must do\"");
  for (ScopeFact& fact : c.rulesets[file_index].scope_facts) {
    for (const CheckedExprPtr& when : checked.when) {
      const CheckedExpr* read = FindRecordPath(*when, fact.path);
      if (read == nullptr) continue;
      if (read->path_text == fact.path)
        fact.is_list = fact.is_list || read->type.kind == Type::Kind::kList;
      if (checked.scope_facts.empty() || checked.scope_facts.back() != fact.path) {
        checked.scope_facts.push_back(fact.path);
      }
    }
  }
  for (const ast::Text& text : rule.messages) checked.messages.push_back(CheckText(text, checker));
  for (const ast::Text& text : rule.fixes) checked.fixes.push_back(CheckText(text, checker));
  checked.slot_count = checker.slot_count();
  // The conditions' meaning is judged only once they check: an unknown field is not a
  // constant condition.
  if (c.diagnostics.error_count() == errors_before) {
    LintConditions(checked, *c.environment.markets, c.diagnostics);
    LintMetadata(file, rule, c.environment.languages, c.languages, c.diagnostics);
  }
  return checked;
}

// Pass: rules. A `def` is checked where rules use it (with the types of its arguments and
// the record kind of the rule), so one that no rule uses is never checked: a warning says so.
void RulesPass(Compilation& c) {
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    for (const ast::Rule& rule : c.files[i]->rules) {
      c.rulesets[i].rules.push_back(CheckRule(c, i, rule));
    }
  }
  // Only in a clean compilation (a name clash leaves a twin unused), and only in files with
  // rules: a library of definitions is there for other rulesets.
  if (c.diagnostics.has_errors()) return;
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    for (const ast::Word& fact : c.files[i]->scope_facts) {
      const std::vector<CheckedRule>& rules = c.rulesets[i].rules;
      const bool read = std::any_of(rules.begin(), rules.end(), [&](const CheckedRule& rule) {
        return std::find(rule.scope_facts.begin(), rule.scope_facts.end(), fact.text) !=
               rule.scope_facts.end();
      });
      if (!read) {
        c.diagnostics.Warning(
            code::kUnusedScopeFact, fact.span,
            "no rule of this ruleset reads " + Quoted(fact.text) + " in its `when`",
            "check the path, or remove the declaration");
      }
    }
  }
  for (const ast::RulesetFile* file : c.files) {
    if (file->rules.empty()) continue;
    for (const ast::Definition& definition : file->definitions) {
      if (definition.kind == ast::Definition::Kind::kDef &&
          !c.used_definitions.count(&definition)) {
        c.diagnostics.Warning(
            code::kUnusedDefinition, definition.name_span,
            Quoted(definition.name) + " is used by no rule, so it was not checked",
            "use it in a rule, or remove it");
      }
    }
  }
}

const CheckedRule* FindRule(const Compilation& c, std::string_view ruleset, std::string_view id) {
  for (const CheckedRuleset& candidate : c.rulesets) {
    for (const CheckedRule& rule : candidate.rules) {
      if (rule.id == id || (candidate.id == ruleset && rule.local_id == id)) return &rule;
    }
  }
  return nullptr;
}

// The id of the scope rule `id` names (`<ruleset>.scope`, or `scope` inside `ruleset`), when
// that ruleset declares scope facts.
std::optional<std::string> FindScopeRule(const Compilation& c, std::string_view ruleset,
                                         std::string_view id) {
  for (const CheckedRuleset& candidate : c.rulesets) {
    if (candidate.scope_facts.empty()) continue;
    const std::string full = candidate.id + ".scope";
    if (id == full || (candidate.id == ruleset && id == "scope")) return full;
  }
  return std::nullopt;
}

std::vector<std::string> AllRuleIds(const Compilation& c) {
  std::vector<std::string> ids;
  for (const CheckedRuleset& ruleset : c.rulesets) {
    for (const CheckedRule& rule : ruleset.rules) ids.push_back(rule.id);
  }
  return ids;
}

// `word` names no rule; suggests a full id, or a rule of `ruleset` by its local name.
void ReportUnknownRule(Compilation& c, std::string_view ruleset, const ast::Word& word) {
  std::vector<std::string> candidates = AllRuleIds(c);
  for (const CheckedRuleset& candidate : c.rulesets) {
    if (candidate.id != ruleset) continue;
    for (const CheckedRule& rule : candidate.rules) candidates.push_back(rule.local_id);
  }
  const std::string suggestion = ClosestMatch(word.text, candidates);
  c.diagnostics.Error(code::kUnknownRule, word.span, "no rule named " + Quoted(word.text),
                      suggestion.empty() ? "" : "did you mean `" + suggestion + "`?");
}

// Pass: `override` names a rule of a wider jurisdiction for the same kind of record.
// Whether two rules that replace the same rule can both be in force for one market on one day:
// their jurisdictions meet (one is or contains the other) and their dates overlap.
bool ReplaceTogether(const Compilation& c, const CheckedRule& a, const CheckedRule& b) {
  const auto ends_before = [](const CheckedRule& first, const CheckedRule& second) {
    return first.effective_until && second.effective_from &&
           *first.effective_until < *second.effective_from;
  };
  if (ends_before(a, b) || ends_before(b, a)) return false;
  const Date when = std::max(a.effective_from.value_or(Date::TodayUtc()),
                             b.effective_from.value_or(Date::TodayUtc()));
  return a.jurisdiction == b.jurisdiction ||
         c.environment.markets->Contains(a.jurisdiction, b.jurisdiction, when) ||
         c.environment.markets->Contains(b.jurisdiction, a.jurisdiction, when);
}

void OverridesPass(Compilation& c) {
  struct Replacement {
    const CheckedRule* rule;
    Span span;  // where the rule names the target
  };
  std::map<std::string, std::vector<Replacement>> overriders;  // by target id
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    const ast::RulesetFile& file = *c.files[i];
    for (std::size_t r = 0; r < file.rules.size(); ++r) {
      CheckedRule& rule = c.rulesets[i].rules[r];
      for (const ast::Word& target_word : file.rules[r].overrides) {
        const CheckedRule* target = FindRule(c, file.id.text, target_word.text);
        if (target == nullptr) {
          ReportUnknownRule(c, file.id.text, target_word);
          continue;
        }
        const Date when = rule.effective_from.value_or(Date::TodayUtc());
        const bool wider =
            target->jurisdiction != rule.jurisdiction &&
            (target->jurisdiction == "GLOBAL" ||
             c.environment.markets->Contains(target->jurisdiction, rule.jurisdiction, when));
        if (!wider) {
          c.diagnostics.Error(code::kInvalidOverride, target_word.span,
                              "a rule of " + Quoted(rule.jurisdiction) +
                                  " can only override a rule "
                                  "of a jurisdiction that contains it; " +
                                  Quoted(target->id) + " is a rule of " +
                                  Quoted(target->jurisdiction));
          continue;
        }
        if (target->applies_to != rule.applies_to) {
          c.diagnostics.Error(code::kInvalidOverride, target_word.span,
                              Quoted(target->id) + " applies to " +
                                  std::string(RecordKindName(target->applies_to)) +
                                  " records, this rule to " +
                                  std::string(RecordKindName(rule.applies_to)) + " records");
          continue;
        }
        rule.overrides.push_back(target->id);
        overriders[target->id].push_back({&rule, target_word.span});
      }
    }
  }
  for (const auto& [target, replacements] : overriders) {
    for (std::size_t later = 1; later < replacements.size(); ++later) {
      for (std::size_t earlier = 0; earlier < later; ++earlier) {
        if (!ReplaceTogether(c, *replacements[earlier].rule, *replacements[later].rule)) continue;
        Diagnostic& d = c.diagnostics.Warning(
            code::kOverlappingOverride, replacements[later].span,
            Quoted(replacements[later].rule->id) + " and " +
                Quoted(replacements[earlier].rule->id) + " both replace " + Quoted(target) +
                " for the same market on the same dates: both apply there",
            "keep one replacement, or give them markets or dates that do not meet");
        d.labels.push_back({replacements[earlier].span, "the other replacement"});
        break;
      }
    }
  }
}

// A test's record file exists inside the rules root, is a regular file and is not too large.
void CheckTestRecordFile(Compilation& c, const ast::RulesetFile& file, const ast::Word& name) {
  const std::optional<std::filesystem::path> path = ResolveNamedFile(c, file, name);
  if (!path) return;
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(*path, error);
  std::string problem;
  if (!std::filesystem::exists(status)) {
    problem = "cannot find the record file " + Quoted(path->string());
  } else if (!std::filesystem::is_regular_file(status)) {
    problem = "the record file " + Quoted(path->string()) + " is not a regular file";
  } else if (const std::uintmax_t size = std::filesystem::file_size(*path, error);
             !error && size > c.environment.file_limits.max_test_record_bytes) {
    problem = "the record file " + Quoted(path->string()) + " is larger than the limit of " +
              std::to_string(c.environment.file_limits.max_test_record_bytes) + " bytes";
  }
  if (!problem.empty()) {
    c.diagnostics.Error(code::kMissingTestRecord, name.span, problem,
                        "paths are relative to the ruleset file");
  }
}

// Pass: tests name real rules, markets, verdicts and record files.
void TestsPass(Compilation& c) {
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    const ast::RulesetFile& file = *c.files[i];
    const std::filesystem::path directory =
        std::filesystem::path(file.source->path()).parent_path();
    for (const ast::Test& test : file.tests) {
      CheckedTest checked;
      checked.name = test.name.text;
      checked.ruleset = file.id.text;
      checked.span = test.span;
      checked.as_of = test.as_of;
      for (const ast::TestRecord& record : test.records) {
        CheckedTestRecord& out = checked.records.emplace_back();
        out.span = record.text.span;
        if (record.is_file) {
          out.file = (directory / record.text.text).lexically_normal().string();
          CheckTestRecordFile(c, file, record.text);
        } else {
          out.inline_json = record.text.text;
        }
      }
      if (test.records.empty()) {
        c.diagnostics.Error(
            code::kMissingItem, test.name.span, "the test has no `record`",
            "add `record \"records/example.json\"` or an inline `record \"\"\"{...}\"\"\"`");
      }
      if (test.market && CheckMarketWord(c, *test.market, false))
        checked.market = test.market->text;
      if (test.expectations.empty()) {
        c.diagnostics.Error(code::kMissingItem, test.name.span, "the test expects nothing",
                            "add `expect verdict pass` or `expect fail <rule>`");
      }
      for (const ast::Expectation& expectation : test.expectations) {
        CheckedExpectation out;
        out.kind = expectation.kind;
        out.span = expectation.span;
        if (expectation.kind == ast::Expectation::Kind::kVerdict) {
          if (!OneOf(kVerdicts, expectation.subject.text)) {
            c.diagnostics.Error(code::kInvalidValue, expectation.subject.span,
                                Quoted(expectation.subject.text) + " is not a verdict",
                                Suggestion(kVerdicts, expectation.subject.text));
            continue;
          }
          out.verdict = expectation.subject.text;
        } else {
          const CheckedRule* rule = FindRule(c, file.id.text, expectation.subject.text);
          const std::optional<std::string> scope_rule =
              FindScopeRule(c, file.id.text, expectation.subject.text);
          if (rule == nullptr && !scope_rule) {
            ReportUnknownRule(c, file.id.text, expectation.subject);
            continue;
          }
          out.rule_id = rule != nullptr ? rule->id : *scope_rule;
          if (expectation.basis) {
            if (!OneOf(kBases, expectation.basis->text)) {
              c.diagnostics.Error(code::kInvalidValue, expectation.basis->span,
                                  Quoted(expectation.basis->text) + " is not a finding basis",
                                  Suggestion(kBases, expectation.basis->text));
              continue;
            }
            out.basis = expectation.basis->text;
          }
        }
        checked.expectations.push_back(std::move(out));
      }
      c.rulesets[i].tests.push_back(std::move(checked));
    }
  }
}

struct Pass {
  std::string_view name;
  void (*run)(Compilation&);
};
// The passes, in order. Each may rely on what the earlier ones computed.
constexpr std::array<Pass, 6> kPasses = {{
    {"declarations", DeclarationsPass},
    {"imports", ImportsPass},
    {"headers", HeadersPass},
    {"rules", RulesPass},
    {"overrides", OverridesPass},
    {"tests", TestsPass},
}};

}  // namespace

std::vector<CheckedRuleset> CheckRulesets(const std::vector<const ast::RulesetFile*>& files,
                                          const CheckEnvironment& environment,
                                          Diagnostics& diagnostics) {
  Compilation compilation{environment, diagnostics, files, {}, {}, {}, {}, {}, {}};
  if (environment.languages != nullptr)
    compilation.languages = environment.languages->AllLanguages();
  for (const Pass& pass : kPasses) pass.run(compilation);
  return std::move(compilation.rulesets);
}

}  // namespace tradelint
