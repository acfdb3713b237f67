// LaTeX commands that stand for a character (or for nothing, like font switches). Kept to
// what actually shows up in ML titles and abstracts; unknown commands lose their backslash.
export const LATEX_SYMBOLS: Readonly<Record<string, string>> = {
  // Greek
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ',
  eta: 'η', theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν',
  xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ',
  chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ',
  Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  // Relations and operators
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', leq: '≤', le: '≤', geq: '≥', ge: '≥',
  neq: '≠', ne: '≠', approx: '≈', sim: '~', simeq: '≃', equiv: '≡', propto: '∝', ll: '≪',
  gg: '≫', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', mapsto: '↦',
  infty: '∞', partial: '∂', nabla: '∇', sum: 'Σ', prod: 'Π', int: '∫', forall: '∀',
  exists: '∃', emptyset: '∅', ell: 'ℓ', circ: '∘', star: '⋆', ast: '*', dots: '…',
  ldots: '…', cdots: '⋯', prime: '′', top: '⊤', perp: '⊥', land: '∧', lor: '∨', neg: '¬',
  // Text-mode symbols
  textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘', S: '§',
  textdegree: '°', LaTeX: 'LaTeX', TeX: 'TeX', ss: 'ß', ae: 'æ', o: 'ø', O: 'Ø', aa: 'å',
  l: 'ł', L: 'Ł', i: 'ı',
  // Font and size switches ({\em x}, {\bf x}): the text stays, the switch goes.
  em: '', bf: '', it: '', rm: '', sc: '', tt: '', sf: '', small: '', large: '', Large: '',
  normalsize: '', displaystyle: '', textstyle: '', scriptstyle: '', noindent: '',
  newline: ' ', quad: ' ', qquad: ' ', hfill: ' ', xspace: '',
};

/** `\mathbb{R}` and friends: the double-struck letters that have their own code points. */
export const DOUBLE_STRUCK: Readonly<Record<string, string>> = {
  R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', E: '𝔼',
};
