#include "engine/diag/codes.h"

namespace tradelint {
namespace {

constexpr CodeKind kRuleset = CodeKind::kRulesetDiagnostic;

constexpr CodeInfo kCodes[] = {
    {code::kSyntaxError, kRuleset, "the text does not follow the grammar"},
    {code::kUnterminatedString, kRuleset, "a string is not closed before the end of its line"},
    {code::kInvalidCharacter, kRuleset, "a character that is no part of the language"},
    {code::kInvalidEscape, kRuleset, "a backslash escape the language does not know"},
    {code::kInvalidDate, kRuleset, "a date literal that is not on the calendar"},
    {code::kInvalidNumber, kRuleset,
     "a number too large to hold exactly, or a fractional duration"},
    {code::kInvalidCurrency, kRuleset, "money written with a code that is no ISO 4217 currency"},
    {code::kInvalidUtf8, kRuleset, "the file is not valid UTF-8"},
    {code::kNestingTooDeep, kRuleset, "brackets or operators nested deeper than the limit"},
    {code::kDuplicateItem, kRuleset, "a single-valued item is given twice"},
    {code::kTooManyErrors, kRuleset, "a file has too many syntax errors to report them all"},
    {code::kUnreadableRuleset, kRuleset, "a rule path does not exist or cannot be read"},
    {code::kNoRulesets, kRuleset, "a folder given as a rule path holds no `.trl` file"},
    {code::kDuplicateRuleset, kRuleset, "two files declare the same ruleset id"},
    {code::kReservedName, kRuleset,
     "a definition takes a name the language already gives a meaning"},
    {code::kDuplicateDefinition, kRuleset, "a file defines the same name twice"},
    {code::kDuplicateRule, kRuleset, "a ruleset defines two rules with the same id"},
    {code::kUnknownImport, kRuleset, "an `import` names a ruleset that is nowhere to be found"},
    {code::kNotConstant, kRuleset, "a `const` or `set` is not a constant"},
    {code::kTableUnreadable, kRuleset, "the file of a `table` cannot be read"},
    {code::kInvalidTable, kRuleset, "a table file breaks its format"},
    {code::kUnknownMarket, kRuleset, "a jurisdiction or test market that is no known market"},
    {code::kInvalidDates, kRuleset, "an `effective` range whose end comes before its start"},
    {code::kMissingItem, kRuleset, "a required item is absent"},
    {code::kInvalidValue, kRuleset, "an item has a value outside its fixed list"},
    {code::kDatesOutsideRuleset, kRuleset, "a rule's dates lie outside its ruleset's (a warning)"},
    {code::kTypeMismatch, kRuleset, "an operation gets values of the wrong type"},
    {code::kUnknownName, kRuleset, "an upper-case name that is no constant, market or currency"},
    {code::kWrongArgumentCount, kRuleset, "a call with the wrong number of arguments"},
    {code::kListNeedsIndex, kRuleset, "a field is read from a list as if it were an object"},
    {code::kNotAnObject, kRuleset, "a field is read from a value that has no fields"},
    {code::kUnknownField, kRuleset, "a path names a field the schema does not have"},
    {code::kNotAList, kRuleset, "an index or quantifier applied to a value that is not a list"},
    {code::kNotAPath, kRuleset, "a field or index applied to a computed value"},
    {code::kInvalidIndex, kRuleset, "a list index that is neither `*` nor a constant whole number"},
    {code::kUnknownColumn, kRuleset, "a table lookup names a column the table does not have"},
    {code::kTableNeedsColumn, kRuleset, "a table lookup without a column"},
    {code::kCurrencyMismatch, kRuleset,
     "money in different currencies combined without conversion"},
    {code::kUnknownFunction, kRuleset, "a call names no function and no `def` in scope"},
    {code::kInvalidArgument, kRuleset, "a function rejects an argument"},
    {code::kRecursiveDefinition, kRuleset, "a `def` refers to itself"},
    {code::kExpressionTooLarge, kRuleset,
     "a rule grows too large once its definitions are expanded"},
    {code::kUnusedDefinition, kRuleset, "a `def` no rule uses (a warning)"},
    {code::kUnknownRule, kRuleset, "an override or a test names a rule no ruleset defines"},
    {code::kInvalidOverride, kRuleset, "an override names a rule it cannot replace"},
    {code::kMissingTestRecord, kRuleset, "a test's record file does not exist"},
    {code::kDataNotFound, CodeKind::kSetupError, "tradelint cannot find or load its data folder"},
    {code::kPluginConflict, CodeKind::kSetupError, "two plugins define the same function name"},
    {record_code::kTooLarge, CodeKind::kRecordError, "the record's text is longer than the limit"},
    {record_code::kMalformedJson, CodeKind::kRecordError, "the record is not JSON, or not UTF-8"},
    {record_code::kTooDeep, CodeKind::kRecordError,
     "objects and arrays nested deeper than the limit"},
    {record_code::kNotAnObject, CodeKind::kRecordError, "a JSON value that is not an object"},
    {record_code::kUnknownKind, CodeKind::kRecordError, "`kind` is absent or not a record kind"},
    {record_code::kMissingId, CodeKind::kRecordError, "`id` is absent, not a string, or empty"},
    {record_code::kSchemaViolation, CodeKind::kRecordError, "the record breaks its kind's schema"},
    {record_code::kNoMarket, CodeKind::kRecordError,
     "the record names no market and none was given"},
};

}  // namespace

std::span<const CodeInfo> AllCodes() { return kCodes; }

}  // namespace tradelint
