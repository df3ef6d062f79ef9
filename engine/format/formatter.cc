#include "engine/format/formatter.h"

#include <memory>
#include <string_view>
#include <vector>

#include "engine/parse/parser.h"
#include "engine/parse/syntax_tree.h"
#include "engine/source/source.h"

namespace tradelint {
namespace {

using syntax::Comment;
using syntax::Element;
using syntax::Node;
using syntax::NodeKind;
using syntax::Token;

constexpr int kIndent = 2;              // items inside a block
constexpr int kContinuationIndent = 4;  // broken lines, past the start of what they continue

// Columns are counted in code points.
int Width(std::string_view text) {
  int width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

// The column at which the values of a block's items start: one past the longest keyword the
// block may hold (`jurisdiction`, `responsible`, `expect`).
int ValueColumn(std::string_view block_keyword) {
  const std::string_view longest = block_keyword == "ruleset" ? "jurisdiction"
                                   : block_keyword == "rule" || block_keyword == "group"
                                       ? "responsible"
                                       : "expect";
  return kIndent + Width(longest) + 1;
}

// A token placed on a line, with the kind of the node it is a direct element of.
struct Placed {
  std::string_view text;
  NodeKind parent = NodeKind::kFile;
};

// Whether one space separates two tokens on a line.
bool SpaceBetween(const Placed& previous, const Placed& next) {
  const std::string_view p = previous.text;
  const std::string_view n = next.text;
  if (n == ")" || n == "]" || n == "," || n == "." || n == ":") return false;
  if (p == "(" || p == "[" || p == ".") return false;
  if (p == "-" && previous.parent == NodeKind::kNegate) return false;
  if (n == "(" && (next.parent == NodeKind::kCall || next.parent == NodeKind::kDefinition))
    return false;
  if (n == "[" && next.parent == NodeKind::kIndex) return false;
  return true;
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool BlankLineBefore(const Token& token) {
  return token.comments_before.empty() ? token.blank_line_before
                                       : token.comments_before.front().blank_line_before;
}

class Formatter {
 public:
  explicit Formatter(const syntax::Tree& tree) : tokens_(tree.tokens), root_(tree.root) {}

  std::string File() {
    bool first = true;
    for (const Element& element : root_.elements) {
      const Token& start = tokens_[First(element)];
      if (!first) StartLine(0, BlankLineBefore(start));
      first = false;
      if (element.node == nullptr) {  // the end of the file: the comments after the last item
        MoveToToken(start, 0);
      } else if (element.node->kind == NodeKind::kBlock) {
        Block(*element.node);
      } else {
        Write(*element.node, kContinuationIndent, /*flat=*/false);
      }
    }
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    out_ += '\n';
    return std::move(out_);
  }

 private:
  std::size_t First(const Element& element) const {
    return element.node != nullptr ? element.node->first_token : element.token;
  }

  // `ruleset`, `rule`, `group rule` or `test`: its words and `{`, one item a line, `}` alone.
  void Block(const Node& block) {
    const int value_column = ValueColumn(tokens_[block.first_token].text);
    bool first_item = true;
    for (const Element& element : block.elements) {
      if (element.node != nullptr) {
        StartLine(kIndent, !first_item && BlankLineBefore(tokens_[element.node->first_token]));
        first_item = false;
        Item(*element.node, value_column);
      } else if (tokens_[element.token].text == "}") {
        StartLine(kIndent, false);
        MoveToToken(tokens_[element.token], kIndent);  // comments inside, before `}`
        Reindent(0);
        PutText(element.token, block.kind);
      } else {
        Put(element.token, block.kind, kContinuationIndent);
      }
    }
  }

  // The keyword, then the value at `value_column`.
  void Item(const Node& item, int value_column) {
    const int continuation = value_column + kContinuationIndent;
    for (std::size_t i = 0; i < item.elements.size(); ++i) {
      if (i == item.keyword_size && !line_ended_ && Column() < value_column)
        out_.append(static_cast<std::size_t>(value_column - Column()), ' ');
      Layout(item.elements[i], item.kind, continuation);
    }
  }

  // Writes an element on the current line when it fits; otherwise breaks it (see Break), its
  // broken lines at `indent`.
  void Layout(const Element& element, NodeKind parent, int indent) {
    if (element.node == nullptr) {
      Put(element.token, parent, indent);
      return;
    }
    const Node& node = *element.node;
    const int width = FlatWidth(node, PendingSpace());
    if (width >= 0 && Column() + width <= kFormatLineWidth) {
      Write(node, indent, /*flat=*/true);
      return;
    }
    switch (node.kind) {
      case NodeKind::kAnd:
      case NodeKind::kOr:
        Chain(node, indent);
        return;
      case NodeKind::kParen:
        Paren(node);
        return;
      case NodeKind::kList:
        List(node);
        return;
      case NodeKind::kQuantifier:
        Quantifier(node, indent);
        return;
      default:
        Write(node, indent, /*flat=*/false);
        return;
    }
  }

  // Whether element `i` of `node` is left out: a list's trailing comma.
  bool Dropped(const Node& node, std::size_t i) const {
    return node.kind == NodeKind::kList && i + 2 == node.elements.size() &&
           node.elements[i].node == nullptr && tokens_[node.elements[i].token].text == ",";
  }

  // The elements of `node` in order; when not `flat`, each child node is laid out again.
  void Write(const Node& node, int indent, bool flat) {
    for (std::size_t i = 0; i < node.elements.size(); ++i) {
      const Element& element = node.elements[i];
      if (Dropped(node, i)) {
        Skip(tokens_[element.token], indent);
      } else if (element.node == nullptr) {
        Put(element.token, node.kind, indent);
      } else if (flat) {
        Write(*element.node, indent, true);
      } else {
        Layout(element, node.kind, indent);
      }
    }
  }

  // `a and b and c` broken: one operand a line, each line after the first starting with its
  // operator at `indent`; an operand's own broken lines go further right.
  void Chain(const Node& chain, int indent) {
    std::vector<const Element*> parts;  // operand, operator, operand, ...
    Flatten(chain, parts);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i % 2 == 1) {
        NewLine(indent);
        Put(parts[i]->token, chain.kind, indent);
      } else {
        Layout(*parts[i], chain.kind, indent + kContinuationIndent);
      }
    }
  }

  // The operands and operators of a chain of one operator (`a and b and c` is `(a and b) and
  // c` to the parser).
  static void Flatten(const Node& chain, std::vector<const Element*>& parts) {
    for (const Element& element : chain.elements) {
      if (element.node != nullptr && element.node->kind == chain.kind) {
        Flatten(*element.node, parts);
      } else {
        parts.push_back(&element);
      }
    }
  }

  // `any x in xs: body` broken after `:`, the body on lines of its own at `indent`.
  void Quantifier(const Node& quantifier, int indent) {
    for (const Element& element : quantifier.elements) {
      if (&element == &quantifier.elements.back()) NewLine(indent);
      Layout(element, quantifier.kind, indent);
    }
  }

  // `(...)` broken: its content's broken lines start one column right of `(`.
  void Paren(const Node& paren) {
    for (const Element& element : paren.elements) {
      if (element.node != nullptr) {
        Layout(element, paren.kind, Column());
      } else {
        Put(element.token, paren.kind, Column());
      }
    }
  }

  // `[...]` broken: as many items a line as fit, the lines after the first one column right
  // of `[`. A trailing comma is dropped.
  void List(const Node& list) {
    Put(list.elements.front().token, list.kind, Column());
    const int item_column = Column();
    const std::size_t end = list.elements.size() - 1;  // the `]`
    for (std::size_t i = 1; i < end; ++i) {
      const Element& element = list.elements[i];
      if (Dropped(list, i)) {
        Skip(tokens_[element.token], item_column);
      } else if (element.node == nullptr && tokens_[element.token].text == ",") {
        Put(element.token, list.kind, item_column);
      } else {
        const int width = element.node != nullptr ? FlatWidth(*element.node, true)
                                                  : Width(tokens_[element.token].text) + 1;
        if (line_ended_ || (i > 1 && (width < 0 || Column() + width + 1 > kFormatLineWidth)))
          NewLine(item_column);
        Layout(element, list.kind, item_column + kContinuationIndent);
      }
    }
    Put(list.elements.back().token, list.kind, item_column);
  }

  // The width of `node` on one line, with the space before it when `leading_space`; -1 when
  // it cannot be on one line: a comment inside it or a token of several lines. A comment
  // before its first token or after its last does not count: it goes on lines of its own, or
  // ends the line.
  int FlatWidth(const Node& node, bool leading_space) const {
    for (std::size_t i = node.first_token; i <= node.last_token; ++i) {
      const Token& token = tokens_[i];
      if ((i > node.first_token && !token.comments_before.empty()) ||
          (i < node.last_token && token.comment_after) ||
          token.text.find('\n') != std::string_view::npos) {
        return -1;
      }
    }
    int width = 0;
    Placed previous = leading_space ? last_ : Placed{};
    Measure(node, width, previous);
    return width;
  }

  void Measure(const Node& node, int& width, Placed& previous) const {
    for (std::size_t i = 0; i < node.elements.size(); ++i) {
      const Element& element = node.elements[i];
      if (Dropped(node, i)) continue;
      if (element.node != nullptr) {
        Measure(*element.node, width, previous);
        continue;
      }
      const Placed next{tokens_[element.token].text, node.kind};
      if (!previous.text.empty() && SpaceBetween(previous, next)) ++width;
      width += Width(next.text);
      previous = next;
    }
  }

  // Writes token `index`, a direct element of a `parent` node, after its comments; lines
  // that its comments force start at `indent`.
  void Put(std::size_t index, NodeKind parent, int indent) {
    MoveToToken(tokens_[index], indent);
    PutText(index, parent);
  }

  // Writes token `index` where the output is, and the comment after it.
  void PutText(std::size_t index, NodeKind parent) {
    const Token& token = tokens_[index];
    const Placed placed{token.text, parent};
    if (PendingSpace() && SpaceBetween(last_, placed)) out_ += ' ';
    out_ += token.text;
    const std::size_t line_end = token.text.rfind('\n');
    if (line_end != std::string_view::npos)
      line_begin_ = out_.size() - (token.text.size() - line_end - 1);
    last_ = placed;
    if (token.comment_after) EndLineWith(*token.comment_after);
  }

  // A token left out (a trailing comma): only its comments are written.
  void Skip(const Token& token, int indent) {
    if (!token.comments_before.empty()) MoveToToken(token, indent);
    if (token.comment_after) EndLineWith(*token.comment_after);
  }

  // Writes the comments before `token` on lines of their own, and starts a new line when a
  // comment ends the current one: the output is then where the token goes. The comments start
  // where the token will: at the current line's indentation when nothing is written on it yet,
  // else on a new line at `indent`.
  void MoveToToken(const Token& token, int indent) {
    if (token.comments_before.empty()) {
      if (line_ended_) NewLine(indent);
      return;
    }
    if (line_ended_ || !AtLineStart()) NewLine(indent);
    indent = static_cast<int>(out_.size() - line_begin_);
    bool first = true;
    for (const Comment& comment : token.comments_before) {
      if (!first && comment.blank_line_before) NewLine(indent);
      first = false;
      out_ += TrimRight(comment.text);
      NewLine(indent);
    }
    if (token.blank_line_before) NewLine(indent);
  }

  void EndLineWith(const Comment& comment) {
    if (!out_.empty() && out_.back() != ' ' && !AtLineStart()) out_ += ' ';
    out_ += TrimRight(comment.text);
    line_ended_ = true;
  }

  // Ends the current line (and writes an empty one after it when `blank_line`); the next
  // starts at `indent`.
  void StartLine(int indent, bool blank_line) {
    NewLine(indent);
    if (blank_line) NewLine(indent);
  }

  void NewLine(int indent) {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
    line_begin_ = out_.size();
    out_.append(static_cast<std::size_t>(indent), ' ');
    line_ended_ = false;
  }

  // Moves the start of the current, still empty, line to `indent`.
  void Reindent(int indent) {
    out_.resize(line_begin_);
    out_.append(static_cast<std::size_t>(indent), ' ');
  }

  bool AtLineStart() const { return out_.find_first_not_of(' ', line_begin_) == std::string::npos; }

  // Whether the next token on this line may need a space before it.
  bool PendingSpace() const { return !line_ended_ && !AtLineStart() && out_.back() != ' '; }

  int Column() const { return Width(std::string_view(out_).substr(line_begin_)); }

  const std::vector<Token>& tokens_;
  const Node& root_;
  std::string out_;
  std::size_t line_begin_ = 0;  // where the current line starts in out_
  bool line_ended_ = false;     // a comment ends the current line
  Placed last_;                 // the last token written
};

}  // namespace

std::optional<std::string> FormatRuleset(const std::string& path, const std::string& text,
                                         Diagnostics& diagnostics) {
  auto source = std::make_shared<const SourceFile>(path, text);
  // ParseRuleset reports every error a file can have before it is checked (an invalid date
  // or escape, an item given twice); the syntax tree alone would miss those.
  if (ParseRuleset(source, diagnostics) == nullptr) return std::nullopt;
  const std::unique_ptr<syntax::Tree> tree = syntax::ParseSyntaxTree(source, diagnostics);
  if (tree == nullptr) return std::nullopt;
  return Formatter(*tree).File();
}

}  // namespace tradelint
