#include "engine/eval/internal/interpreter.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "engine/eval/internal/field_leaf.h"

namespace tradelint::eval_internal {
namespace {

using Op = CheckedExpr::Op;

const Value kTrue(true);
const Value kFalse(false);
const Value& Bool(bool b) { return b ? kTrue : kFalse; }

// Unknown, for an operation whose operands were known: says why while explaining.
Value Problem(Frame& frame, std::string why) {
  if (frame.trace != nullptr) frame.trace->problems.push_back(std::move(why));
  return Value();
}

std::string DescribeMoney(const Money& money) { return Value(money).ToDisplayString(); }

// Whether `path` reads one of `facts` or a field inside one.
bool IsUnstatedFact(const CheckedExpr& path, const std::vector<std::string>& facts) {
  return std::any_of(facts.begin(), facts.end(),
                     [&](const std::string& fact) { return path.ReadsRecordField(fact); });
}

// A field is present when it exists, is not null and is not an empty string.
bool IsPresent(const Value& v) {
  return !v.is_missing() && !v.is_null() && !(v.is_string() && v.as_string().empty());
}

std::string StepText(const PathStep& step, std::size_t element) {
  switch (step.kind) {
    case PathStep::Kind::kField:
      return "." + step.field;
    case PathStep::Kind::kIndex:
      return "[" + std::to_string(step.index) + "]";
    case PathStep::Kind::kEach:
      return "[" + std::to_string(element) + "]";
  }
  return "";
}

std::string Join(const std::string& prefix, const std::string& step) {
  if (prefix.empty() && !step.empty() && step[0] == '.') return step.substr(1);
  return prefix + step;
}

// Walks `steps` from `value`. Fan-out steps (`[*]`) append every leaf to `leaves`; without
// fan-out the single leaf is returned. With a trace, records concrete paths.
class PathReader {
 public:
  PathReader(const CheckedExpr& path, Trace* trace, bool convert)
      : path_(path), trace_(trace), convert_(convert) {}

  Value Read(const Value& base, const std::string& prefix) {
    if (!path_.fans_out) return Walk(base, 0, prefix, nullptr);
    ValueList leaves;
    const Value list_missing = Walk(base, 0, prefix, &leaves);
    if (list_missing.as_bool()) return Value();  // a list on the way was absent
    return Value(std::move(leaves));
  }

 private:
  // Returns the leaf (no fan-out), or, with `leaves`, Bool(true) when a list on the way was
  // absent (the whole result is then missing).
  Value Walk(const Value& start, std::size_t from, const std::string& prefix, ValueList* leaves) {
    const Value* current = &start;
    std::string concrete = trace_ != nullptr ? prefix : std::string();
    for (std::size_t i = from; i < path_.steps.size(); ++i) {
      const PathStep& step = path_.steps[i];
      if (step.kind == PathStep::Kind::kEach) {
        if (trace_ != nullptr) concrete += "[*]";
        if (!current->is_list()) {
          Note(concrete, true, *current);
          return leaves != nullptr ? Value(true) : Value();
        }
        const ValueList& items = current->as_list();
        for (std::size_t k = 0; k < items.size(); ++k) {
          const std::string element =
              trace_ != nullptr ? concrete.substr(0, concrete.size() - 3) + StepText(step, k)
                                : std::string();
          Value nested = Walk(items[k], i + 1, element, leaves);
          if (nested.as_bool()) leaves->push_back(Value());
        }
        return Value(false);
      }
      current = step.kind == PathStep::Kind::kField
                    ? &current->Get(step.field)
                    : &current->At(static_cast<std::size_t>(step.index));
      if (trace_ != nullptr) concrete = Join(concrete, StepText(step, 0));
      if (current->is_missing() || current->is_null()) {
        const bool list_ahead =
            std::any_of(path_.steps.begin() + i + 1, path_.steps.end(),
                        [](const PathStep& s) { return s.kind == PathStep::Kind::kEach; });
        // Name the whole field that is absent, not only its first absent step.
        if (trace_ != nullptr) {
          for (std::size_t rest = i + 1; rest < path_.steps.size(); ++rest) {
            concrete = Join(concrete, path_.steps[rest].kind == PathStep::Kind::kEach
                                          ? "[*]"
                                          : StepText(path_.steps[rest], 0));
          }
        }
        if (leaves != nullptr && list_ahead) {
          Note(concrete, true, Value());
          return Value(true);
        }
        break;
      }
    }
    const bool absent = !IsPresent(*current);
    Note(concrete, absent, *current);
    Value leaf = ReadLeaf(*current, path_.leaf_type, convert_);
    if (leaves != nullptr) {
      leaves->push_back(std::move(leaf));
      return Value(false);
    }
    return leaf;
  }

  void Note(const std::string& concrete, bool absent, const Value& value) {
    if (trace_ == nullptr) return;
    trace_->read.push_back(concrete);
    trace_->values.push_back(value);
    if (absent) trace_->missing.push_back(concrete);
  }

  const CheckedExpr& path_;
  Trace* trace_;
  bool convert_;
};

// A record path's value from the frame's table (the fast evaluation, untraced), as stored
// or typed: a value that lives until the evaluation of the record ends; null when the read
// must walk (the reference evaluation, a traced read, a variable's path).
const Value* ReadFromTable(const CheckedExpr& path, Frame& frame, bool convert) {
  if (path.record_path < 0 || frame.record_paths == nullptr || frame.trace != nullptr)
    return nullptr;
  using Reading = RecordPaths::Reading;
  const Reading reading = convert ? Reading::kTyped : Reading::kStored;
  if (!path.fans_out) return &frame.record_paths->Leaf(path, reading);
  return &frame.record_paths->Leaves(
      path, reading, [](const CheckedExpr& fanning_out, const Value& record, Reading as) {
        return PathReader(fanning_out, nullptr, as == Reading::kTyped).Read(record, {});
      });
}

// The value of a kPath: the leaf (or, fanning out, the list of leaves) as stored, or with
// `convert` read as its type. The fast evaluation (a frame with record_paths) takes a record
// path from the frame's table and reads a variable's path without the walk's bookkeeping,
// unless the read is traced, which needs the concrete path; the value is the same either way.
Value ReadPath(const CheckedExpr& path, Frame& frame, bool convert) {
  if (const Value* value = ReadFromTable(path, frame, convert)) return *value;
  if (frame.record_paths != nullptr && frame.trace == nullptr && path.slot >= 0 && !path.fans_out) {
    return ReadLeaf(LeafOf(frame.slots[path.slot], path.steps), path.leaf_type, convert);
  }
  const bool from_variable = path.slot >= 0;
  const Value& base = from_variable ? frame.slots[path.slot] : *frame.record;
  static const std::string kRoot;
  const std::string& prefix =
      from_variable && frame.trace != nullptr ? frame.slot_paths[path.slot] : kRoot;
  return PathReader(path, frame.trace, convert).Read(base, prefix);
}

// Counts one evaluation step: false when the rule's budget is spent (the first time, with
// the problem noted).
bool TakeStep(Frame& frame) {
  if (--frame.steps_left >= 0) return true;
  if (!frame.over_budget) {
    frame.over_budget = true;
    Problem(frame, "the evaluation budget was exhausted (nested quantifiers over long lists?)");
  }
  return false;
}

// Evaluate(expr) for an operand that is only looked at, without copying a value that outlives
// the look: a constant, or a record path's value from the frame's table. Any other value (and
// every value while an observer watches, as Evaluate tells it) is evaluated into `scratch`.
// The result is valid until `scratch` changes or the evaluation of the record ends.
const Value& EvaluateOperand(const CheckedExpr& expr, Frame& frame, Value& scratch) {
  if (frame.observer == nullptr) {
    const Value* value = expr.op == Op::kConstant ? &expr.constant
                         : expr.op == Op::kPath   ? ReadFromTable(expr, frame, true)
                                                  : nullptr;
    if (value != nullptr) {
      if (TakeStep(frame)) return *value;
      return scratch = Value();
    }
  }
  return scratch = Evaluate(expr, frame);
}

int Sign(std::strong_ordering order) { return order < 0 ? -1 : order > 0 ? 1 : 0; }

// -1, 0 or 1 for two values that have an order: numbers, strings, instants, dates (an instant
// compares by its UTC day with a date) and money of one currency; nullopt otherwise.
std::optional<int> Compare(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return Sign(a.as_number() <=> b.as_number());
  if (a.is_string() && b.is_string()) return Sign(a.as_string() <=> b.as_string());
  if (a.is_datetime() && b.is_datetime()) return Sign(a.as_datetime() <=> b.as_datetime());
  auto as_date = [](const Value& v) -> std::optional<Date> {
    if (v.is_date()) return v.as_date();
    if (v.is_datetime()) return v.as_datetime().utc_date();
    return std::nullopt;
  };
  if (auto x = as_date(a), y = as_date(b); x && y) return Sign(*x <=> *y);
  if (a.is_money() && b.is_money() && a.as_money().currency == b.as_money().currency) {
    return Sign(a.as_money().amount <=> b.as_money().amount);
  }
  return std::nullopt;
}

Value CurrencyMismatch(Frame& frame, const Money& a, const Money& b) {
  return Problem(frame, "amounts in different currencies (" + DescribeMoney(a) + " and " +
                            DescribeMoney(b) +
                            ") cannot be compared or combined without `convert`");
}

Value EvaluateComparison(const CheckedExpr& expr, const Value& a, const Value& b, Frame& frame) {
  if (a.is_missing() || b.is_missing()) return Value();
  if (a.is_money() && b.is_money() && !(a.as_money().currency == b.as_money().currency)) {
    return CurrencyMismatch(frame, a.as_money(), b.as_money());
  }
  if (expr.binary_op == ast::BinaryOp::kEqual || expr.binary_op == ast::BinaryOp::kNotEqual) {
    bool equal;
    if (auto order = Compare(a, b)) {
      equal = *order == 0;
    } else {
      equal = a == b;
    }
    return Bool(expr.binary_op == ast::BinaryOp::kEqual ? equal : !equal);
  }
  std::optional<int> order = Compare(a, b);
  if (!order) return Value();
  switch (expr.binary_op) {
    case ast::BinaryOp::kLess:
      return Bool(*order < 0);
    case ast::BinaryOp::kLessEqual:
      return Bool(*order <= 0);
    case ast::BinaryOp::kGreater:
      return Bool(*order > 0);
    default:
      return Bool(*order >= 0);
  }
}

std::optional<Decimal> Apply(ast::BinaryOp op, const Decimal& a, const Decimal& b) {
  switch (op) {
    case ast::BinaryOp::kAdd:
      return a.Add(b);
    case ast::BinaryOp::kSubtract:
      return a.Subtract(b);
    case ast::BinaryOp::kMultiply:
      return a.Multiply(b);
    default:
      return a.Divide(b);
  }
}

// The date or instant moved by `duration`; unknown when that leaves the years 0000 to 9999.
Value ShiftDate(const Value& date, const Duration& duration, bool subtract) {
  const auto shift = [&](Date day) {
    return subtract ? duration.SubtractFrom(day) : duration.AddTo(day);
  };
  if (date.is_date()) {
    const std::optional<Date> shifted = shift(date.as_date());
    return shifted ? Value(*shifted) : Value();
  }
  const DateTime instant = date.as_datetime();
  const std::int64_t seconds_of_day = ((instant.epoch_seconds() % 86400) + 86400) % 86400;
  const std::optional<Date> shifted = shift(instant.utc_date());
  if (!shifted) return Value();
  return Value(DateTime::FromEpochSeconds(shifted->days() * 86400 + seconds_of_day));
}

// `a op b` on decimals; unknown, with the reason, on division by zero or overflow.
std::optional<Decimal> Calculate(ast::BinaryOp op, const Decimal& a, const Decimal& b,
                                 Frame& frame) {
  if (op == ast::BinaryOp::kDivide && b.IsZero()) {
    Problem(frame, "division by zero");
    return std::nullopt;
  }
  std::optional<Decimal> result = Apply(op, a, b);
  if (!result) {
    Problem(frame, "the result of " + a.ToString() + " " + std::string(ast::BinaryOpText(op)) +
                       " " + b.ToString() + " is out of the range of exact decimals");
  }
  return result;
}

Value EvaluateArithmetic(const CheckedExpr& expr, const Value& a, const Value& b, Frame& frame) {
  if (a.is_missing() || b.is_missing()) return Value();
  const ast::BinaryOp op = expr.binary_op;
  if (a.is_number() && b.is_number()) {
    std::optional<Decimal> result = Calculate(op, a.as_number(), b.as_number(), frame);
    return result ? Value(*result) : Value();
  }
  if (a.is_money() && b.is_money()) {
    if (!(a.as_money().currency == b.as_money().currency))
      return CurrencyMismatch(frame, a.as_money(), b.as_money());
    std::optional<Decimal> result = Calculate(op, a.as_money().amount, b.as_money().amount, frame);
    if (!result) return Value();
    if (op == ast::BinaryOp::kDivide) return Value(*result);
    return Value(Money{*result, a.as_money().currency});
  }
  if (a.is_money() && b.is_number()) {
    std::optional<Decimal> result = Calculate(op, a.as_money().amount, b.as_number(), frame);
    return result ? Value(Money{*result, a.as_money().currency}) : Value();
  }
  if (a.is_number() && b.is_money()) {
    std::optional<Decimal> result = Calculate(op, a.as_number(), b.as_money().amount, frame);
    return result ? Value(Money{*result, b.as_money().currency}) : Value();
  }
  Value shifted;
  if ((a.is_date() || a.is_datetime()) && b.is_duration()) {
    shifted = ShiftDate(a, b.as_duration(), op == ast::BinaryOp::kSubtract);
  } else if (a.is_duration() && (b.is_date() || b.is_datetime())) {
    shifted = ShiftDate(b, a.as_duration(), false);
  } else {
    return Value();
  }
  return shifted.is_missing() ? Problem(frame, "the date arithmetic leaves the range of dates")
                              : shifted;
}

bool MarketContains(const Frame& frame, const Value& outer, const Value& inner) {
  return frame.program->markets().Contains(outer.as_string(), inner.as_string(), frame.as_of);
}

Value EvaluateMembership(const Value& element, const Value& container, const Frame& frame) {
  if (element.is_missing() || container.is_missing()) return Value();
  if (container.is_string()) {
    if (!element.is_string()) return Value();
    return Bool(MarketContains(frame, container, element));
  }
  if (!container.is_list()) return Value();
  bool saw_missing = false;
  for (const Value& item : container.as_list()) {
    if (item.is_missing()) {
      saw_missing = true;
      continue;
    }
    if (std::optional<int> order = Compare(element, item)) {
      if (*order == 0) return kTrue;
    } else if (element == item) {
      return kTrue;
    }
  }
  return saw_missing ? Value() : kFalse;
}

// The concrete path of element `index` of a quantifier's domain (tracing only).
std::string ElementPath(const CheckedExpr& domain, const Frame& frame, std::size_t index) {
  std::string base = domain.path_text;
  if (domain.op == Op::kPath && domain.slot >= 0) {
    const std::string& variable = frame.slot_paths[domain.slot];
    const std::size_t dot = base.find_first_of(".[");
    base = dot == std::string::npos ? variable : variable + base.substr(dot);
  }
  return base + "[" + std::to_string(index) + "]";
}

Value EvaluateQuantifier(const CheckedExpr& expr, Frame& frame) {
  Value domain_scratch;
  const Value& domain = EvaluateOperand(*expr.children[0], frame, domain_scratch);
  if (!domain.is_list()) return Value();
  const bool all = expr.op == Op::kAll;
  const CheckedExpr& body = *expr.children[1];
  // What decides the result: for `any`, a true element; for `all`, a false one.
  const bool deciding = !all;
  bool saw_missing = false;
  bool decided = false;
  // Explaining: every element is evaluated, then only the reads of the elements that matter
  // are kept: when decided, the deciding elements; otherwise all but those of an `all` that
  // held.
  struct ElementReads {
    Trace::Mark begin, end;
    Value result;
  };
  std::vector<ElementReads> reads;
  const ValueList& items = domain.as_list();
  for (std::size_t i = 0;
       i < items.size() && (!decided || frame.trace != nullptr) && !frame.over_budget; ++i) {
    frame.slots[expr.slot] = items[i];
    if (frame.trace != nullptr)
      frame.slot_paths[expr.slot] = ElementPath(*expr.children[0], frame, i);
    const Trace::Mark before = frame.trace != nullptr ? frame.trace->mark() : Trace::Mark{};
    Value result = Evaluate(body, frame);
    if (result.is_missing()) {
      saw_missing = true;
    } else if (result.as_bool() == deciding) {
      decided = true;
    }
    if (frame.trace != nullptr) reads.push_back({before, frame.trace->mark(), std::move(result)});
  }
  frame.slots[expr.slot] = Value();
  if (frame.trace != nullptr) {
    for (auto element = reads.rbegin(); element != reads.rend(); ++element) {
      const bool decides = element->result.is_bool() && element->result.as_bool() == deciding;
      const bool held = element->result.is_bool() && element->result.as_bool() != deciding;
      if (decided ? !decides : all && held) frame.trace->Erase(element->begin, element->end);
    }
  }
  if (decided) return Bool(deciding);
  if (saw_missing) return Value();
  return Bool(!deciding);
}

Value EvaluateLogic(const CheckedExpr& expr, Frame& frame) {
  // `and` is decided by a false operand, `or` by a true one.
  const bool decider = expr.op == Op::kOr;
  auto decides = [decider](const Value& v) { return v.is_bool() && v.as_bool() == decider; };
  if (frame.trace == nullptr) {
    const Value lhs = Evaluate(*expr.children[0], frame);
    if (decides(lhs)) return Bool(decider);
    const Value rhs = Evaluate(*expr.children[1], frame);
    if (decides(rhs)) return Bool(decider);
    if (lhs.is_missing() || rhs.is_missing()) return Value();
    return Bool(!decider);
  }
  // Explaining: both sides are evaluated (evaluation has no side effects), so that a finding
  // names every field that decided it, and only those.
  const Trace::Mark start = frame.trace->mark();
  const Value lhs = Evaluate(*expr.children[0], frame);
  const Trace::Mark middle = frame.trace->mark();
  const Value rhs = Evaluate(*expr.children[1], frame);
  const Trace::Mark end = frame.trace->mark();
  if (decides(lhs) || decides(rhs)) {
    // An operand that holds the other way did not matter; an unknown one still needs data.
    auto irrelevant = [decider](const Value& v) { return v.is_bool() && v.as_bool() != decider; };
    if (irrelevant(rhs)) frame.trace->Erase(middle, end);
    if (irrelevant(lhs)) frame.trace->Erase(start, middle);
    return Bool(decider);
  }
  if (lhs.is_missing() || rhs.is_missing()) return Value();
  return Bool(!decider);
}

Value EvaluateCall(const CheckedExpr& expr, Frame& frame) {
  // The arguments of a call of up to kInline of them live on the stack: no allocation per call.
  constexpr std::size_t kInline = 4;
  std::array<Value, kInline> inline_arguments;
  std::vector<Value> more_arguments;
  if (expr.children.size() > kInline) more_arguments.resize(expr.children.size());
  const std::span<Value> arguments =
      expr.children.size() > kInline
          ? std::span<Value>(more_arguments)
          : std::span<Value>(inline_arguments.data(), expr.children.size());
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    arguments[i] = Evaluate(*expr.children[i], frame);
    if (arguments[i].is_missing() && !expr.function->accepts_missing) return Value();
  }
  CallContext context;
  context.prepared = expr.prepared.get();
  context.as_of = frame.as_of;
  context.market = frame.market;
  context.markets = &frame.program->markets();
  context.reference = frame.program->reference();
  std::vector<std::string> observed_notes, rows_read;
  context.notes = frame.trace != nullptr      ? &frame.trace->notes
                  : frame.observer != nullptr ? &observed_notes
                                              : nullptr;
  if (frame.observer != nullptr) context.rows_read = &rows_read;
  const std::size_t notes_before = frame.trace != nullptr ? frame.trace->notes.size() : 0;
  Value result = expr.function->eval(arguments, context);
  if (!observed_notes.empty() || !rows_read.empty())
    frame.observer->CallNotes(observed_notes, rows_read);
  const bool all_known = std::none_of(arguments.begin(), arguments.end(),
                                      [](const Value& v) { return v.is_missing(); });
  if (result.is_missing() && all_known && frame.trace != nullptr) {
    // Known arguments, no value: the function could not compute (no exchange rate, ...). Its
    // notes say why.
    std::string why;
    for (std::size_t i = notes_before; i < frame.trace->notes.size(); ++i) {
      why += (why.empty() ? "" : "; ") + frame.trace->notes[i];
    }
    Problem(frame, why.empty() ? "`" + expr.function->name + "` could not compute a value" : why);
  }
  return result;
}

// A table cell; unknown when the key is, when the table has no row for it or the cell is
// empty (the trace says which).
Value EvaluateLookup(const CheckedExpr& expr, Frame& frame) {
  Value key_scratch;
  const Value& key = EvaluateOperand(*expr.children[0], frame, key_scratch);
  if (!key.is_string()) return Value();
  const Value* cell = expr.table->Find(key.as_string(), expr.column);
  if (cell == nullptr || cell->is_missing()) {
    if (frame.trace == nullptr) return Value();
    const std::string& column = expr.table->columns()[expr.column].name;
    return Problem(frame, cell == nullptr
                              ? expr.table->provenance().name + " has no row for " + key.as_string()
                              : expr.table->provenance().name + " gives no " + column + " for " +
                                    key.as_string());
  }
  return *cell;
}

}  // namespace

void Trace::Erase(Mark from, Mark to) {
  read.erase(read.begin() + from.read, read.begin() + to.read);
  values.erase(values.begin() + from.read, values.begin() + to.read);
  missing.erase(missing.begin() + from.missing, missing.begin() + to.missing);
  notes.erase(notes.begin() + from.notes, notes.begin() + to.notes);
  problems.erase(problems.begin() + from.problems, problems.begin() + to.problems);
}

namespace {

// One evaluation step: `expr`'s operation on its operands, each evaluated through Evaluate.
Value EvaluateOperation(const CheckedExpr& expr, Frame& frame) {
  if (!TakeStep(frame)) return Value();
  switch (expr.op) {
    case Op::kConstant:
      return expr.constant;
    case Op::kPath:
      return ReadPath(expr, frame, true);
    case Op::kMarket:
      return Value(std::string(frame.market));
    case Op::kAsOf:
      return Value(frame.as_of);
    case Op::kNot: {
      const Value operand = Evaluate(*expr.children[0], frame);
      return operand.is_bool() ? Bool(!operand.as_bool()) : Value();
    }
    case Op::kNegate: {
      const Value operand = Evaluate(*expr.children[0], frame);
      if (operand.is_number()) return Value(operand.as_number().Negate());
      if (operand.is_money())
        return Value(Money{operand.as_money().amount.Negate(), operand.as_money().currency});
      return Value();
    }
    case Op::kAnd:
    case Op::kOr:
      return EvaluateLogic(expr, frame);
    case Op::kCompare: {
      Value lhs_scratch, rhs_scratch;
      const Value& lhs = EvaluateOperand(*expr.children[0], frame, lhs_scratch);
      return EvaluateComparison(expr, lhs, EvaluateOperand(*expr.children[1], frame, rhs_scratch),
                                frame);
    }
    case Op::kArithmetic: {
      const Value lhs = Evaluate(*expr.children[0], frame);
      return EvaluateArithmetic(expr, lhs, Evaluate(*expr.children[1], frame), frame);
    }
    case Op::kInList:
    case Op::kInMarket: {
      Value element_scratch, container_scratch;
      const Value& element = EvaluateOperand(*expr.children[0], frame, element_scratch);
      if (expr.string_set != nullptr && element.is_string()) {
        return Bool(expr.string_set->count(element.as_string()) > 0);
      }
      return EvaluateMembership(
          element, EvaluateOperand(*expr.children[1], frame, container_scratch), frame);
    }
    case Op::kIf: {
      const Value condition = Evaluate(*expr.children[0], frame);
      if (!condition.is_bool()) return Value();
      return Evaluate(*expr.children[condition.as_bool() ? 1 : 2], frame);
    }
    case Op::kAny:
    case Op::kAll:
      return EvaluateQuantifier(expr, frame);
    case Op::kCall:
      return EvaluateCall(expr, frame);
    case Op::kList: {
      ValueList items;
      items.reserve(expr.children.size());
      for (const CheckedExprPtr& child : expr.children) items.push_back(Evaluate(*child, frame));
      return Value(std::move(items));
    }
    case Op::kPresent:
    case Op::kMissing: {
      if (frame.unstated_facts != nullptr &&
          IsUnstatedFact(*expr.children[0], *frame.unstated_facts)) {
        return Value();
      }
      Value read;
      const Value* stored = ReadFromTable(*expr.children[0], frame, false);
      const Value& value =
          stored != nullptr ? *stored : (read = ReadPath(*expr.children[0], frame, false));
      if (frame.observer != nullptr) {  // the field read, as if evaluated (unknown for null)
        frame.observer->Enter(*expr.children[0]);
        frame.observer->Leave(*expr.children[0], value.is_null() ? Value() : value);
      }
      bool present = IsPresent(value);
      if (present && expr.children[0]->fans_out) {
        present = std::all_of(value.as_list().begin(), value.as_list().end(), IsPresent);
      }
      if (!present) {
        frame.tested_absent = true;
        if (frame.absent_is_unknown) return Value();
      }
      return Bool(expr.op == Op::kPresent ? present : !present);
    }
    case Op::kLookup:
      return EvaluateLookup(expr, frame);
  }
  return Value();
}

}  // namespace

Value Evaluate(const CheckedExpr& expr, Frame& frame) {
  if (frame.observer == nullptr) return EvaluateOperation(expr, frame);
  frame.observer->Enter(expr);
  Value result = EvaluateOperation(expr, frame);
  frame.observer->Leave(expr, result);
  return result;
}

std::string MessageText(const Value& value, const UnknownValueWords& words) {
  if (value.is_missing() || value.is_null()) return std::string(words.unknown);
  if (value.is_string()) return value.as_string();
  if (value.is_list()) {
    std::string text;
    for (const Value& item : value.as_list())
      text += (text.empty() ? "" : ", ") + MessageText(item, words);
    return text;
  }
  return value.ToDisplayString();
}

}  // namespace tradelint::eval_internal
