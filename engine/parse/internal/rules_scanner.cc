#include "engine/parse/internal/rules_scanner.h"

#include <cstdint>
#include <unordered_map>

#include "RulesLexer.h"
#include "engine/base/byte_word.h"

namespace tradelint::parse_internal {
namespace {

using tradelint_grammar::RulesLexer;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordChar(char c) { return IsDigit(c) || IsUpper(c) || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsLineEnd(char c) { return c == '\r' || c == '\n'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || IsLineEnd(c); }

// The literal rules that are words, all lower case, each listed before IDENT in the grammar:
// a word equal to one is that token.
std::size_t KeywordType(std::string_view word) {
  static const std::unordered_map<std::string_view, std::size_t> kKeywords = {
      {"ruleset", RulesLexer::RULESET},
      {"title", RulesLexer::TITLE},
      {"jurisdiction", RulesLexer::JURISDICTION},
      {"instrument", RulesLexer::INSTRUMENT},
      {"effective", RulesLexer::EFFECTIVE},
      {"until", RulesLexer::UNTIL},
      {"version", RulesLexer::VERSION},
      {"import", RulesLexer::IMPORT},
      {"def", RulesLexer::DEF},
      {"const", RulesLexer::CONST},
      {"set", RulesLexer::SET},
      {"table", RulesLexer::TABLE},
      {"rule", RulesLexer::RULE},
      {"test", RulesLexer::TEST},
      {"ref", RulesLexer::REF},
      {"applies", RulesLexer::APPLIES},
      {"to", RulesLexer::TO},
      {"domain", RulesLexer::DOMAIN},
      {"severity", RulesLexer::SEVERITY},
      {"cite", RulesLexer::CITE},
      {"responsible", RulesLexer::RESPONSIBLE},
      {"when", RulesLexer::WHEN},
      {"unless", RulesLexer::UNLESS},
      {"require", RulesLexer::REQUIRE},
      {"forbid", RulesLexer::FORBID},
      {"message", RulesLexer::MESSAGE},
      {"fix", RulesLexer::FIX},
      {"override", RulesLexer::OVERRIDE},
      {"record", RulesLexer::RECORD},
      {"market", RulesLexer::MARKET},
      {"as", RulesLexer::AS},
      {"of", RulesLexer::OF},
      {"expect", RulesLexer::EXPECT},
      {"verdict", RulesLexer::VERDICT},
      {"fail", RulesLexer::FAIL},
      {"warn", RulesLexer::WARN},
      {"pass", RulesLexer::PASS},
      {"finding", RulesLexer::FINDING},
      {"no", RulesLexer::NO},
      {"scope", RulesLexer::SCOPE},
      {"group", RulesLexer::GROUP},
      {"link", RulesLexer::LINK},
      {"by", RulesLexer::BY},
      {"within", RulesLexer::WITHIN},
      {"and", RulesLexer::AND},
      {"or", RulesLexer::OR},
      {"not", RulesLexer::NOT},
      {"in", RulesLexer::IN},
      {"if", RulesLexer::IF},
      {"then", RulesLexer::THEN},
      {"else", RulesLexer::ELSE},
      {"any", RulesLexer::ANY},
      {"all", RulesLexer::ALL},
      {"true", RulesLexer::TRUE},
      {"false", RulesLexer::FALSE},
      {"day", RulesLexer::DAY},
      {"days", RulesLexer::DAYS},
      {"week", RulesLexer::WEEK},
      {"weeks", RulesLexer::WEEKS},
      {"month", RulesLexer::MONTH},
      {"months", RulesLexer::MONTHS},
      {"year", RulesLexer::YEAR},
      {"years", RulesLexer::YEARS},
  };
  const auto found = kKeywords.find(word);
  return found == kKeywords.end() ? std::size_t{RulesLexer::IDENT} : found->second;
}

// The length of STRING_BODY (`"` (`\` not-a-line-end | not `"`, `\` or a line end)* `"`) at
// `at`, or 0. With `unterminated`, the length of UNTERMINATED_STRING (the same without the
// closing quote) when the string is not closed, else 0.
std::size_t StringBodyLength(std::string_view text, std::size_t at, bool unterminated = false) {
  if (at >= text.size() || text[at] != '"') return 0;
  std::size_t i = at + 1;
  while (i < text.size()) {
    // Ordinary string bytes, most of a ruleset's text, are passed over 8 at a time.
    if (i + 8 <= text.size()) {
      const std::uint64_t word = byte_word::Load(text.data() + i);
      if (!byte_word::HasByte(word, '"') && !byte_word::HasByte(word, '\\') &&
          !byte_word::HasByte(word, '\n') && !byte_word::HasByte(word, '\r')) {
        i += 8;
        continue;
      }
    }
    const char c = text[i];
    if (c == '"') return unterminated ? 0 : i + 1 - at;
    if (IsLineEnd(c)) break;
    if (c == '\\') {
      if (i + 1 >= text.size() || IsLineEnd(text[i + 1])) break;
      i += 2;  // a multi-byte escaped code point goes on as ordinary string bytes
    } else {
      ++i;
    }
  }
  return unterminated ? i - at : 0;
}

// The length of STRING_LIST at `at` (a `[`), or 0:
//   '[' LIST_SPACE* STRING_BODY (LIST_SPACE* ',' LIST_SPACE* STRING_BODY)+ LIST_SPACE*
//   (',' LIST_SPACE*)? ']'    with LIST_SPACE: [ \t\r\n] | '#' ~[\r\n]*
// A comment may end anywhere before its line ends (a `]` inside it can close the list), so
// the rule runs as a set of states over the text, and the longest prefix that closes the list
// is the match, as ANTLR's lexer finds it.
std::size_t StringListLength(std::string_view text, std::size_t at) {
  // Between the items: before the first string (kFirst), after it (kOne), after a comma that
  // must be followed by a string (kNeedString), after two or more (kMany), after a comma that
  // may be followed by a string or `]` (kManyComma). Each has a state inside a comment (+1).
  // Inside a string: opened from kFirst, kNeedString or kManyComma, and after a backslash.
  enum State : std::uint32_t {
    kFirst = 0,
    kOne = 2,
    kNeedString = 4,
    kMany = 6,
    kManyComma = 8,
    kStringFirst = 10,
    kStringFirstEscape,
    kStringNext,
    kStringNextEscape,
    kNone = 31,  // no such transition
  };
  const auto bit = [](std::uint32_t state) { return std::uint32_t{1} << state; };
  std::uint32_t states = bit(kFirst);
  std::size_t accepted = 0;
  for (std::size_t i = at + 1; i < text.size() && states != 0; ++i) {
    const char c = text[i];
    std::uint32_t next = 0;
    // A state between items, `base`; base + 1 is inside a comment there. Adding the comment
    // state always adds `base` too (the comment may end after any of its characters).
    const auto between = [&](std::uint32_t base, std::uint32_t after_comma,
                             std::uint32_t string_state, bool may_close) {
      if ((states & bit(base + 1)) && !IsLineEnd(c)) next |= bit(base + 1) | bit(base);
      if (!(states & bit(base))) return;
      if (IsSpace(c)) next |= bit(base);
      if (c == '#') next |= bit(base + 1) | bit(base);
      if (c == ',' && after_comma != kNone) next |= bit(after_comma);
      if (c == '"' && string_state != kNone) next |= bit(string_state);
      if (c == ']' && may_close) accepted = i + 1 - at;
    };
    between(kFirst, kNone, kStringFirst, false);
    between(kOne, kNeedString, kNone, false);
    between(kNeedString, kNone, kStringNext, false);
    between(kMany, kManyComma, kNone, true);
    between(kManyComma, kNone, kStringNext, true);
    const auto in_string = [&](std::uint32_t state, std::uint32_t after) {
      if (states & bit(state)) {
        if (c == '"') {
          next |= bit(after);
        } else if (c == '\\') {
          next |= bit(state + 1);
        } else if (!IsLineEnd(c)) {
          next |= bit(state);
        }
      }
      if ((states & bit(state + 1)) && !IsLineEnd(c)) next |= bit(state);
    };
    in_string(kStringFirst, kOne);
    in_string(kStringNext, kMany);
    states = next;
  }
  return accepted;
}

}  // namespace

RulesScanner::RulesScanner(const Fragment& fragment, Utf8CharStream& input)
    : text_(fragment.text()), input_(input) {}

ScannedToken ScanToken(std::string_view text, std::size_t at) {
  using Match = ScannedToken;
  const char c = text[at];
  const auto char_at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
  if (IsSpace(c)) {
    std::size_t end = at + 1;
    while (end < text.size() && IsSpace(text[end])) ++end;
    return {kSkippedToken, end - at};
  }
  if (c == '#') {
    std::size_t end = at + 1;
    while (end < text.size() && !IsLineEnd(text[end])) ++end;
    return {RulesLexer::COMMENT, end - at};
  }
  if (c == '"') {
    if (text.substr(at, 3) == "\"\"\"") {
      const std::size_t close = text.find("\"\"\"", at + 3);
      if (close != std::string_view::npos) return {RulesLexer::TRIPLE_STRING, close + 3 - at};
    }
    if (const std::size_t length = StringBodyLength(text, at); length > 0) {
      return {RulesLexer::STRING, length};
    }
    return {RulesLexer::UNTERMINATED_STRING, StringBodyLength(text, at, true)};
  }
  if (c == '[') {
    const std::size_t length = StringListLength(text, at);
    return length > 0 ? Match{RulesLexer::STRING_LIST, length} : Match{RulesLexer::LBRACK, 1};
  }
  if (IsDigit(c)) {
    const auto digits = [&](std::size_t from, std::size_t count) {
      for (std::size_t k = 0; k < count; ++k) {
        if (!IsDigit(char_at(from + k))) return false;
      }
      return true;
    };
    if (digits(at, 4) && char_at(at + 4) == '-' && digits(at + 5, 2) && char_at(at + 7) == '-' &&
        digits(at + 8, 2)) {
      return {RulesLexer::DATE, 10};
    }
    std::size_t end = at;
    while (IsDigit(char_at(end))) ++end;
    if (char_at(end) == '.' && IsDigit(char_at(end + 1))) {
      end += 1;
      while (IsDigit(char_at(end))) ++end;
    }
    return {RulesLexer::NUMBER, end - at};
  }
  if (c == 'r' && char_at(at + 1) == '"') {
    std::size_t end = at + 2;
    while (end < text.size() && text[end] != '"' && !IsLineEnd(text[end])) ++end;
    if (char_at(end) == '"') return {RulesLexer::RAW_STRING, end + 1 - at};
  }
  if (IsWordChar(c) && !IsDigit(c)) {
    std::size_t word = at;
    while (IsWordChar(char_at(word))) ++word;
    if (IsUpper(c)) {
      // SUBDIVISION ([A-Z][A-Z] '-' [A-Z0-9]+) is longer than any word match where it matches.
      if (IsUpper(char_at(at + 1)) && char_at(at + 2) == '-' &&
          (IsUpper(char_at(at + 3)) || IsDigit(char_at(at + 3)))) {
        std::size_t end = at + 3;
        while (IsUpper(char_at(end)) || IsDigit(char_at(end))) ++end;
        return {RulesLexer::SUBDIVISION, end - at};
      }
      std::size_t upper = at;
      while (IsUpper(char_at(upper)) || IsDigit(char_at(upper)) || char_at(upper) == '_') ++upper;
      // UPPER_ID comes before IDENT: it wins a tie.
      return {upper == word ? RulesLexer::UPPER_ID : RulesLexer::IDENT, word - at};
    }
    return {KeywordType(text.substr(at, word - at)), word - at};
  }
  const char after = char_at(at + 1);
  switch (c) {
    case '{':
      return {RulesLexer::LBRACE, 1};
    case '}':
      return {RulesLexer::RBRACE, 1};
    case '(':
      return {RulesLexer::LPAREN, 1};
    case ')':
      return {RulesLexer::RPAREN, 1};
    case ']':
      return {RulesLexer::RBRACK, 1};
    case ',':
      return {RulesLexer::COMMA, 1};
    case '.':
      return {RulesLexer::DOT, 1};
    case ':':
      return {RulesLexer::COLON, 1};
    case '+':
      return {RulesLexer::PLUS, 1};
    case '-':
      return {RulesLexer::MINUS, 1};
    case '*':
      return {RulesLexer::STAR, 1};
    case '/':
      return {RulesLexer::SLASH, 1};
    case '=':
      return after == '=' ? Match{RulesLexer::EQ, 2} : Match{RulesLexer::ASSIGN, 1};
    case '<':
      return after == '=' ? Match{RulesLexer::LE, 2} : Match{RulesLexer::LT, 1};
    case '>':
      return after == '=' ? Match{RulesLexer::GE, 2} : Match{RulesLexer::GT, 1};
    case '!':
      if (after == '=') return {RulesLexer::NE, 2};
      break;
    default:
      break;
  }
  return {RulesLexer::ERROR_CHAR, SequenceLength(c)};  // one code point
}

void RulesScanner::Advance(std::size_t length) {
  const std::size_t end = offset_ + length;
  for (; offset_ < end; ++offset_) {
    const char c = text_[offset_];
    if (IsContinuation(c)) continue;  // inside a code point
    ++index_;
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
}

std::unique_ptr<antlr4::Token> RulesScanner::nextToken() {
  while (true) {
    const std::size_t start = index_;
    const std::size_t line = line_;
    const std::size_t column = column_;
    if (offset_ >= text_.size()) {
      return getTokenFactory()->create({this, &input_}, antlr4::Token::EOF, "",
                                       antlr4::Token::DEFAULT_CHANNEL, start, start - 1, line,
                                       column);
    }
    const ScannedToken match = ScanToken(text_, offset_);
    Advance(match.length);
    if (match.type == kSkippedToken) continue;
    const std::size_t channel = match.type == RulesLexer::COMMENT ? antlr4::Token::HIDDEN_CHANNEL
                                                                  : antlr4::Token::DEFAULT_CHANNEL;
    return getTokenFactory()->create({this, &input_}, match.type, "", channel, start, index_ - 1,
                                     line, column);
  }
}

}  // namespace tradelint::parse_internal
