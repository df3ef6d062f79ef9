#include "engine/parse/internal/confined_lexer.h"

#include <vector>

namespace tradelint::parse_internal {
namespace {

// LexerATNSimulator reading a DFA that no other thread touches.
class ConfinedLexerSimulator : public antlr4::atn::LexerATNSimulator {
 public:
  using LexerATNSimulator::LexerATNSimulator;

 protected:
  // LexerATNSimulator's own, without its lock: the DFA is this thread's.
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* state,
                                                size_t symbol) override {
    if (symbol > MAX_DFA_EDGE) return nullptr;
    const auto edge = state->edges.find(symbol - MIN_DFA_EDGE);
    return edge == state->edges.end() ? nullptr : edge->second;
  }
};

// One thread's DFA of the lexer's ATN, one per decision (lexer mode), as the generated lexer
// builds its shared one.
struct ThreadDfa {
  explicit ThreadDfa(const antlr4::atn::ATN& atn) {
    decisions.reserve(atn.getNumberOfDecisions());
    for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i) {
      decisions.emplace_back(atn.getDecisionState(i), i);
    }
  }
  std::vector<antlr4::dfa::DFA> decisions;
  antlr4::atn::PredictionContextCache contexts;
};

}  // namespace

ConfinedRulesLexer::ConfinedRulesLexer(antlr4::CharStream* input) : RulesLexer(input) {
  thread_local ThreadDfa dfa(getATN());
  // RulesLexer made and will delete _interpreter; it deletes this one instead.
  delete _interpreter;
  _interpreter = new ConfinedLexerSimulator(this, getATN(), dfa.decisions, dfa.contexts);
}

}  // namespace tradelint::parse_internal
