// One paper, one id: the arXiv identifier without its version suffix, so v1 from the HF
// feed and v3 from arXiv upsert the same row. Both identifier schemes are accepted:
// new-style `2401.12345v2` (since 2007) and old-style `hep-th/9901001v1` / `math.GT/0309136`.
const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
const OLD_STYLE = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;
const URL_FORM =
  /^https?:\/\/(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co)\/(?:abs|pdf|papers)\/(.+?)(?:\.pdf)?\/?$/i;

/** The version-less arXiv id in `value` (bare, `arXiv:`-prefixed or an abs/pdf/HF URL), or null. */
export function parseArxivId(value: string): string | null {
  let s = value.trim();
  const url = URL_FORM.exec(s);
  if (url?.[1]) s = url[1];
  s = s.replace(/^arxiv:/i, '');
  const match = NEW_STYLE.exec(s) ?? OLD_STYLE.exec(s);
  return match?.[1] ?? null;
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
