#pragma once
// Every stable code tradelint reports, declared once: the diagnostics of rulesets, the
// setup errors that stop a compilation, and the codes of `invalid` records. Code that
// reports one names its constant here, never a string literal; docs/diagnostics.md
// documents each (tests/unit/diag/codes_test.cc checks both ways).
//
//   diagnostics.Error(code::kUnknownField, span, "unknown field `x`");
//   out.error = RecordError{std::string(record_code::kTooDeep), message, {}, {}};

#include <span>
#include <string_view>

namespace tradelint {

// Diagnostics of rulesets and setup errors (a Diagnostic's `code`).
namespace code {
// Parsing.
inline constexpr char kSyntaxError[] = "syntax_error";
inline constexpr char kUnterminatedString[] = "unterminated_string";
inline constexpr char kInvalidCharacter[] = "invalid_character";
inline constexpr char kInvalidEscape[] = "invalid_escape";
inline constexpr char kInvalidDate[] = "invalid_date";
inline constexpr char kInvalidNumber[] = "invalid_number";
inline constexpr char kInvalidCurrency[] = "invalid_currency";
inline constexpr char kInvalidUtf8[] = "invalid_utf8";
inline constexpr char kNestingTooDeep[] = "nesting_too_deep";
inline constexpr char kDuplicateItem[] = "duplicate_item";
inline constexpr char kTooManyErrors[] = "too_many_errors";
// Loading.
inline constexpr char kUnreadableRuleset[] = "unreadable_ruleset";
inline constexpr char kNoRulesets[] = "no_rulesets";
// Declarations and imports.
inline constexpr char kDuplicateRuleset[] = "duplicate_ruleset";
inline constexpr char kReservedName[] = "reserved_name";
inline constexpr char kDuplicateDefinition[] = "duplicate_definition";
inline constexpr char kDuplicateRule[] = "duplicate_rule";
inline constexpr char kUnknownImport[] = "unknown_import";
inline constexpr char kImportCycle[] = "import_cycle";
inline constexpr char kNotConstant[] = "not_constant";
inline constexpr char kTableUnreadable[] = "table_unreadable";
inline constexpr char kPathOutsideRulesRoot[] = "path_outside_rules_root";
inline constexpr char kInvalidTable[] = "invalid_table";
// Headers and rule items.
inline constexpr char kUnknownMarket[] = "unknown_market";
inline constexpr char kInvalidDates[] = "invalid_dates";
inline constexpr char kMissingItem[] = "missing_item";
inline constexpr char kInvalidValue[] = "invalid_value";
inline constexpr char kDatesOutsideRuleset[] = "dates_outside_ruleset";
// Expressions.
inline constexpr char kTypeMismatch[] = "type_mismatch";
inline constexpr char kUnknownName[] = "unknown_name";
inline constexpr char kWrongArgumentCount[] = "wrong_argument_count";
inline constexpr char kListNeedsIndex[] = "list_needs_index";
inline constexpr char kNotAnObject[] = "not_an_object";
inline constexpr char kUnknownField[] = "unknown_field";
inline constexpr char kNotAList[] = "not_a_list";
inline constexpr char kNotAPath[] = "not_a_path";
inline constexpr char kInvalidIndex[] = "invalid_index";
inline constexpr char kUnknownColumn[] = "unknown_column";
inline constexpr char kTableNeedsColumn[] = "table_needs_column";
inline constexpr char kCurrencyMismatch[] = "currency_mismatch";
inline constexpr char kUnknownFunction[] = "unknown_function";
inline constexpr char kInvalidArgument[] = "invalid_argument";
inline constexpr char kRecursiveDefinition[] = "recursive_definition";
inline constexpr char kExpressionTooLarge[] = "expression_too_large";
inline constexpr char kUnusedDefinition[] = "unused_definition";
inline constexpr char kUnusedScopeFact[] = "unused_scope_fact";
inline constexpr char kNestedQuantifiers[] = "nested_quantifiers";
inline constexpr char kDivisionByZero[] = "division_by_zero";
inline constexpr char kUnknownEnumValue[] = "unknown_enum_value";
inline constexpr char kConstantCondition[] = "constant_condition";
inline constexpr char kContradictoryConditions[] = "contradictory_conditions";
inline constexpr char kScopeNeverHolds[] = "scope_never_holds";
inline constexpr char kMissingRef[] = "missing_ref";
inline constexpr char kUnknownLanguage[] = "unknown_language";
inline constexpr char kTranslationOmitsValue[] = "translation_omits_value";
// Overrides and tests.
inline constexpr char kUnknownRule[] = "unknown_rule";
inline constexpr char kInvalidOverride[] = "invalid_override";
inline constexpr char kOverlappingOverride[] = "overlapping_override";
inline constexpr char kMissingTestRecord[] = "missing_test_record";
// Setup.
inline constexpr char kDataNotFound[] = "data_not_found";
inline constexpr char kReferenceDataInvalid[] = "reference_data_invalid";
inline constexpr char kPluginConflict[] = "plugin_conflict";
inline constexpr char kExtensionInvalid[] = "extension_invalid";
}  // namespace code

// Why a record is `invalid` (a RecordError's `code`).
namespace record_code {
inline constexpr char kTooLarge[] = "too_large";
inline constexpr char kMalformedJson[] = "malformed_json";
inline constexpr char kTooDeep[] = "too_deep";
inline constexpr char kNotAnObject[] = "not_an_object";
inline constexpr char kUnknownKind[] = "unknown_kind";
inline constexpr char kMissingId[] = "missing_id";
inline constexpr char kSchemaViolation[] = "schema_violation";
inline constexpr char kNoMarket[] = "no_market";
}  // namespace record_code

enum class CodeKind {
  kRulesetDiagnostic,  // a problem of a ruleset file, at a place in it
  kSetupError,         // a problem of the installation or the options; stops compilation
  kRecordError,        // why an input record is `invalid`
};

struct CodeInfo {
  std::string_view code;
  CodeKind kind;
  std::string_view summary;  // one line
};

// Every code above, once, in the order of docs/diagnostics.md.
std::span<const CodeInfo> AllCodes();

}  // namespace tradelint
