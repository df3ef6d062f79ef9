#pragma once
// The owned syntax tree of a ruleset file, produced by engine/parse and immutable after.
//
// Every node keeps its Span so that later stages can point back at the rule text. Nodes
// carry no types and no resolved names: the checker derives those into its own output.
// Nothing here depends on ANTLR.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/base/date.h"
#include "engine/source/source.h"
#include "engine/value/value.h"

namespace tradelint::ast {

struct Expr;
using ExprPtr = std::unique_ptr<const Expr>;

enum class UnaryOp { kNegate, kNot };
enum class BinaryOp {
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kIn,
  kNotIn,
  kAnd,
  kOr
};
std::string_view BinaryOpText(BinaryOp op);

// A constant written in the source: number, string, raw string, date, boolean, duration or
// money. `raw` is set for r"..." strings (regular expressions).
struct Literal {
  Value value;
  bool raw = false;
};
// A lower-case name: a field at the record root, a quantifier variable, a `def`, or one of
// the built-in names (`market`, `as_of`).
struct Name {
  std::string name;
};
// An upper-case name: a `const` or `set`, a market code (`DE`, `EU`, `US-CA`) or a currency.
struct UpperName {
  std::string name;
};
struct Member {
  ExprPtr base;
  std::string field;
  Span field_span;
};
// `base[index]`; a null index is the wildcard `[*]`.
struct Index {
  ExprPtr base;
  ExprPtr index;
};
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};
struct Binary {
  BinaryOp op;
  ExprPtr lhs;
  ExprPtr rhs;
};
struct Conditional {
  ExprPtr condition;
  ExprPtr then_branch;
  ExprPtr else_branch;
};
struct Quantifier {
  bool all = false;  // `all` when true, `any` otherwise
  std::string variable;
  Span variable_span;
  ExprPtr domain;
  ExprPtr body;
};
struct Call {
  std::string function;
  Span function_span;
  std::vector<ExprPtr> arguments;
};
struct ListLiteral {
  std::vector<ExprPtr> items;
};

struct Expr {
  Span span;
  std::variant<Literal, Name, UpperName, Member, Index, Unary, Binary, Conditional, Quantifier,
               Call, ListLiteral>
      node;
};

// A word with where it was written (`severity error`, `domain product_safety`).
struct Word {
  std::string text;
  Span span;
};

// Effective dates; both ends inclusive. Unset ends are open.
struct Effective {
  std::optional<Date> from;
  std::optional<Date> until;
  Span span;
};

// Message or fix text, split into literal text and `{expr}` interpolations.
struct Text {
  std::string language;  // empty = the default (English) text
  struct Piece {
    std::string literal;  // used when expr is null
    ExprPtr expr;
  };
  std::vector<Piece> pieces;
  Span span;
};

struct Definition {
  enum class Kind { kDef, kConst, kSet, kTable };
  Kind kind = Kind::kDef;
  std::string name;
  Span name_span;
  std::vector<Word> parameters;  // kDef only
  ExprPtr body;                  // all but kTable
  Word table_file;               // kTable: the file, relative to the ruleset file
  Span span;
};

// A rule's title in another language: `title de "..."`.
struct TitleTranslation {
  std::string language;  // BCP 47 tag as written
  std::string text;
  Span span;
};

// `link KIND by KEY` in a group rule: records of KIND join the group of their KEY.
struct Link {
  Word kind;
  ExprPtr key;
  Span span;
};

struct Rule {
  Word id;
  // A group rule (`group rule`) judges the records its `link`s join, over a window of
  // `within` (docs/language.md, "Group rules"); it has no `applies to`.
  bool group = false;
  std::vector<Link> links;
  std::optional<Literal> within;  // a duration
  Span within_span;
  std::string title;  // the default (English) title
  std::vector<TitleTranslation> title_translations;
  std::optional<Word> ref;
  std::optional<Word> applies_to;
  std::optional<Word> domain;
  std::optional<Word> severity;
  std::optional<Word> citation;
  std::optional<Word> responsible;
  Effective effective;
  std::vector<ExprPtr> when;    // all must hold (conjunction)
  std::vector<ExprPtr> unless;  // any excepts the record
  ExprPtr require;              // exactly one of require / forbid
  ExprPtr forbid;
  std::vector<Text> messages;
  std::vector<Text> fixes;
  std::vector<Word> overrides;  // dotted rule ids
  Span span;
};

struct Expectation {
  enum class Kind { kVerdict, kFinding, kNoFinding };
  Kind kind = Kind::kFinding;
  Word subject;               // verdict word, or a rule id (possibly dotted)
  std::optional<Word> basis;  // kFinding: `violation` or `missing_data`
  Span span;
};

// A `record` of a test: a file, or JSON text written in the test.
struct TestRecord {
  Word text;  // the path relative to the ruleset file, or the JSON text
  bool is_file = false;
};

struct Test {
  Word name;
  std::vector<TestRecord> records;  // in order; several for a group rule's tests
  std::optional<Word> market;
  std::optional<Date> as_of;
  std::vector<Expectation> expectations;
  Span span;
};

struct RulesetFile {
  std::shared_ptr<const SourceFile> source;
  // The folder inside which the files this one names (tables, test records) must resolve,
  // set by the loader (docs/language.md, "Files a ruleset names"); empty: the file's own folder.
  std::string rules_root;
  Word id;
  std::optional<Word> title;
  std::optional<Word> jurisdiction;
  std::optional<Word> instrument;
  std::optional<Word> version;
  Effective effective;
  // `scope PATH`: facts that decide whether rules apply at all (docs/language.md, "Scope facts").
  std::vector<Word> scope_facts;
  std::vector<Word> imports;
  std::vector<Definition> definitions;
  std::vector<Rule> rules;
  std::vector<Test> tests;
};

}  // namespace tradelint::ast
