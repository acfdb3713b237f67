import { cleanText } from '../src';

describe('cleanText', () => {
  it.each([
    ['Hard\n  wrapped\ttext  ', 'Hard wrapped text'],
    ['An $\\mathcal{O}(n^{2})$ bound', 'An O(n^2) bound'],
    ['Cost $2^{n+1}$ and $\\frac{1}{\\sqrt{d}}$', 'Cost 2^(n+1) and 1/(√d)'],
    ['\\textbf{Bold} and \\emph{emphasis} and {\\bf old style}', 'Bold and emphasis and old style'],
    ['95\\% of \\$5 \\& more~here', '95% of $5 & more here'],
    ['Schr\\"odinger, Erd\\H{o}s, Ga\\\'{e}l, \\c{c}', 'Schrödinger, Erdős, Gaél, ç'],
    ['as shown~\\cite{a,b} in Fig.~\\ref{f1}', 'as shown in Fig.'],
    ["``quoted'' --- and \\alpha, \\beta $\\leq 3$", '"quoted" — and α, β ≤ 3'],
    ['x in $\\mathbb{R}^d$ via \\( \\mathbf{W}x \\)', 'x in ℝ^d via Wx'],
    ['https://example.org/~user stays', 'https://example.org/~user stays'],
  ])('when cleaning %j, then the result is %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('when the text is only markup, then nothing is left', () => {
    expect(cleanText(' \\cite{x} ~ {} ')).toBe('');
  });
});
