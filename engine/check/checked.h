#pragma once
// The checker's output: rules with every name resolved, every field path validated against
// the schema and every expression typed. The planner turns these into a Program; nothing
// downstream looks at the AST again. Every node keeps its Span.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/base/string_hash.h"
#include "engine/plugin/function.h"
#include "engine/plugin/type.h"
#include "engine/refdata/lookup_table.h"
#include "engine/schema/schema.h"
#include "engine/source/source.h"
#include "engine/value/value.h"

namespace tradelint {

// One step of a field path: `.field`, `[3]` or `[*]`.
struct PathStep {
  enum class Kind { kField, kIndex, kEach };
  Kind kind = Kind::kField;
  std::string field;       // kField
  std::int64_t index = 0;  // kIndex
};

struct CheckedExpr;
using CheckedExprPtr = std::shared_ptr<const CheckedExpr>;

struct CheckedExpr {
  enum class Op {
    kConstant,    // `constant`
    kPath,        // a field path from the record root (slot < 0) or a quantifier variable
    kMarket,      // the market being judged, as a code
    kAsOf,        // the legal date the rules are judged at
    kNot,         // children[0]
    kNegate,      // children[0]
    kAnd,         // children[0], children[1] (Kleene)
    kOr,          // children[0], children[1] (Kleene)
    kCompare,     // binary_op in ==, !=, <, <=, >, >=
    kArithmetic,  // binary_op in +, -, *, /
    kInList,      // children[0] is an element of the list children[1]
    kInMarket,    // the market code children[0] lies inside the market code children[1]
    kIf,          // children: condition, then, else
    kAny,         // `slot` bound to each element of children[0]; children[1] is the body
    kAll,
    kCall,     // `function` applied to children
    kList,     // a list built from children
    kPresent,  // children[0] is a kPath
    kMissing,
    kLookup,  // the cell in `column` of `table`'s row whose key is children[0]
  };

  Op op = Op::kConstant;
  Type type;
  Span span;

  Value constant;               // kConstant
  int slot = -1;                // kPath from a variable, kAny/kAll: the variable's slot
  std::vector<PathStep> steps;  // kPath
  bool fans_out = false;        // kPath: some step is `[*]`, so the value is a list of leaves
  FieldType leaf_type = FieldType::kAny;  // kPath: how the leaf is read (money, dates)
  // kPath from the record root (slot < 0): its number among the Program's record paths, the
  // same for every node that reads the same path as the same type
  // (Program::record_path_count()); set by the planner, -1 before and for any other node.
  // Evaluating a record reads each such path once (eval_internal::RecordPaths).
  int record_path = -1;
  std::string path_text;  // kPath: `offer.price`, `lines[*].unit_price`; for a variable
                          // path, relative to the variable's domain
  ast::BinaryOp binary_op = ast::BinaryOp::kEqual;  // kCompare, kArithmetic
  const FunctionDef* function = nullptr;            // kCall
  PreparedState prepared;                           // kCall: set by the planner
  // kInList over a constant list of strings (a `set`, a table's keys): the strings hashed by
  // the planner, so that membership costs one lookup whatever the size of the list. The views
  // point into children[1]'s constant list, which every copy of this node shares and keeps
  // alive, so the strings are not held twice.
  std::shared_ptr<const std::unordered_set<std::string_view, StringHash, std::equal_to<>>>
      string_set;
  LookupTablePtr table;    // kLookup
  std::size_t column = 0;  // kLookup
  std::vector<CheckedExprPtr> children;

  bool is_constant() const { return op == Op::kConstant; }
  // A kPath from the record root that reads `field` or a field inside it (`field.x`,
  // `field[*]`, `field[2]`).
  bool ReadsRecordField(std::string_view field) const {
    return op == Op::kPath && slot < 0 && path_text.starts_with(field) &&
           (path_text.size() == field.size() || path_text[field.size()] == '.' ||
            path_text[field.size()] == '[');
  }
};

enum class Severity { kError, kWarning, kInfo };
std::string_view SeverityName(Severity severity);
std::optional<Severity> SeverityFromName(std::string_view name);

// Message or fix text: literal pieces and interpolated expressions.
struct CheckedText {
  std::string language;  // empty = the default text
  struct Piece {
    std::string literal;
    CheckedExprPtr expr;  // when set, the piece is this expression's value
  };
  std::vector<Piece> pieces;
};

// A group rule's `link KIND by KEY`: a KIND record joins the group of its KEY (a value
// computed from the record alone; a missing KEY joins no group).
struct GroupLink {
  RecordKind kind = RecordKind::kTransaction;
  CheckedExprPtr key;
  int slot_count = 0;  // quantifier variables `key` uses
};

// What makes a rule a group rule (docs/language.md, "Group rules"). The rule's expressions
// read a group record: one list per linked kind, named after it (`payment`, of the member
// payments in input order), and `link`, the key the members share.
struct GroupSpec {
  std::vector<GroupLink> links;                     // one per kind, in the order written
  Duration within;                                  // the window: from the first member's date
  std::shared_ptr<const SchemaNode> record_schema;  // the group record's data model
};

struct CheckedRule {
  std::string id;        // full id: `<ruleset>.<rule>`
  std::string local_id;  // as written in the rule
  std::string ruleset;
  std::string jurisdiction;
  std::string title;                                      // English
  std::map<std::string, std::string> title_translations;  // BCP 47 tag -> title
  std::string ref;                               // external id (law catalogue), may be empty
  RecordKind applies_to = RecordKind::kListing;  // of a group rule: its first link's kind
  std::optional<GroupSpec> group;                // set exactly for a group rule
  std::string domain;
  Severity severity = Severity::kError;
  std::string citation;
  std::string responsible;              // may be empty
  std::optional<Date> effective_from;   // inclusive, narrowed by the ruleset's dates
  std::optional<Date> effective_until;  // inclusive: the last day in force
  std::vector<CheckedExprPtr> when;     // conjunction
  std::vector<CheckedExprPtr> unless;   // disjunction
  CheckedExprPtr obligation;
  bool forbid = false;  // obligation is a prohibition
  std::vector<CheckedText> messages;
  std::vector<CheckedText> fixes;
  std::vector<std::string> overrides;  // full ids of the group rules this rule replaces
  // The ruleset's scope facts (`scope PATH`) that this rule's `when` reads: while the record
  // does not state one of them, the rule is undecided rather than judged.
  std::vector<std::string> scope_facts;
  int slot_count = 0;        // quantifier variables used by the rule
  bool reads_market = true;  // some expression reads `market` (set by the planner):
                             // if not, the rule judges a record alike in every market
  Span span;
};

// Calls `visit` with each expression `rule` evaluates (a CheckedExprPtr, null for a text piece
// that is only a literal): its `when`s, `unless`es and obligation, then the expressions of its
// messages and fixes; not a group rule's link keys. `Rule` is CheckedRule or const CheckedRule,
// and `visit` may replace the expression when it is not const.
template <typename Rule, typename Visit>
void ForEachExpression(Rule& rule, Visit&& visit) {
  for (auto& when : rule.when) visit(when);
  for (auto& unless : rule.unless) visit(unless);
  visit(rule.obligation);
  for (auto* texts : {&rule.messages, &rule.fixes}) {
    for (auto& text : *texts) {
      for (auto& piece : text.pieces) visit(piece.expr);
    }
  }
}

// The rule's title in `language` (BCP 47): the title of that exact tag, else of its primary
// subtag (`zh` for `zh-Hans`), else the English title. The same choice as for messages.
const std::string& TitleIn(const CheckedRule& rule, std::string_view language);

struct CheckedExpectation {
  ast::Expectation::Kind kind = ast::Expectation::Kind::kFinding;
  std::string verdict;  // kVerdict: pass | warn | fail | invalid
  std::string rule_id;  // full rule id for kFinding / kNoFinding
  std::string basis;    // kFinding: empty (any), `violation` or `missing_data`
  Span span;
};

struct CheckedTestRecord {
  std::string file;         // absolute or relative to the working directory; empty if inline
  std::string inline_json;  // JSON text
  Span span;
};

struct CheckedTest {
  std::string name;
  std::string ruleset;
  // The records, judged in order; several for a group rule's test.
  std::vector<CheckedTestRecord> records;
  std::string market;         // empty: the record's own markets
  std::optional<Date> as_of;  // empty: the record's default date
  std::vector<CheckedExpectation> expectations;
  Span span;
};

// A fact that decides whether rules apply at all (`scope PATH`, docs/language.md).
struct ScopeFact {
  std::string path;
  bool is_list = false;  // a list field: stating `[]` says that nothing applies
};

struct CheckedRuleset {
  std::string id;
  std::string title;
  std::string jurisdiction;  // a market code, or `GLOBAL`
  std::string instrument;
  std::string version;
  std::optional<Date> effective_from;
  std::optional<Date> effective_until;
  std::string path;  // the file it came from
  std::vector<ScopeFact> scope_facts;
  std::vector<LookupTablePtr> tables;  // the reference tables the file declares
  std::vector<CheckedRule> rules;
  std::vector<CheckedTest> tests;
};

}  // namespace tradelint
