// A small synchronous PDF canvas on pdf-lib's low-level objects: A4 pages, the standard Helvetica fonts (text stays
// extractable), filled rectangles and lines, and serialization to bytes without pdf-lib's asynchronous save (an
// exporter renders synchronously). Nothing random and no clock: the document's dates are the day given, and the same
// drawing calls give the same bytes.
import {
  beginText,
  closePath,
  endText,
  fill,
  lineTo,
  moveText,
  moveTo,
  PDFContext,
  PDFCrossRefSection,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  StandardFontEmbedder,
  StandardFonts,
  stroke,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;

/** A colour as red, green and blue in 0..1. */
export type Rgb = readonly [number, number, number];

/** Regular or bold Helvetica. */
export type FontStyle = 'regular' | 'bold';

/** Characters Helvetica's WinAnsi encoding lacks, in words it has. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '−': '-',
  '≤': '<=',
  '≥': '>=',
  '∏': 'prod',
  '≈': '~',
  '█': '#',
  '\u202f': ' ',
  '\u00a0': ' ',
};

/** The document's metadata: title, subject, author line, and the day its dates are set to (YYYY-MM-DD) or null. */
export type PdfInfo = { title: string; subject: string; producer: string; day: string | null };

/** Pages drawn in order; each call draws on the last page. */
export class PdfCanvas {
  private readonly context = PDFContext.create();
  private readonly fonts: Record<FontStyle, { embedder: StandardFontEmbedder; ref: PDFRef; key: string }>;
  private readonly pages: PDFOperator[][] = [];

  constructor() {
    const font = (name: StandardFonts, key: string) => {
      const embedder = StandardFontEmbedder.for(name as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
      return { embedder, ref: embedder.embedIntoContext(this.context), key };
    };
    this.fonts = { regular: font(StandardFonts.Helvetica, 'F1'), bold: font(StandardFonts.HelveticaBold, 'F2') };
  }

  /** How many pages there are. */
  get pageCount(): number {
    return this.pages.length;
  }

  /** Starts a new page; later calls draw on it (or on the page of index `page`, for footers drawn at the end). */
  addPage(): void {
    this.pages.push([]);
  }

  /** Text as the font can encode it: known symbols in words, anything else a question mark. */
  safe(text: string, style: FontStyle = 'regular'): string {
    const encoding = this.fonts[style].embedder.encoding;
    return Array.from(text, (ch) => REPLACEMENTS[ch] ?? (encoding.canEncodeUnicodeCodePoint(ch.codePointAt(0)!) ? ch : '?')).join('');
  }

  /** Width of text in points at a size. */
  widthOf(text: string, size: number, style: FontStyle = 'regular'): number {
    return this.fonts[style].embedder.widthOfTextAtSize(this.safe(text, style), size);
  }

  /** Draws one line of text with its baseline at (x, y). */
  text(text: string, x: number, y: number, size: number, style: FontStyle, color: Rgb, page = this.pages.length - 1): void {
    const f = this.fonts[style];
    this.pages[page]!.push(
      pushGraphicsState(),
      setFillingRgbColor(...color),
      beginText(),
      setFontAndSize(f.key, size),
      moveText(round(x), round(y)),
      showText(f.embedder.encodeText(this.safe(text, style))),
      endText(),
      popGraphicsState(),
    );
  }

  /** Fills a rectangle whose lower left corner is (x, y). */
  rect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.pages
      .at(-1)!
      .push(pushGraphicsState(), setFillingRgbColor(...color), rectangle(round(x), round(y), round(width), round(height)), fill(), popGraphicsState());
  }

  /** Strokes a line from (x1, y1) to (x2, y2). */
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
    this.pages
      .at(-1)!
      .push(
        pushGraphicsState(),
        setStrokingRgbColor(...color),
        setLineWidth(width),
        moveTo(round(x1), round(y1)),
        lineTo(round(x2), round(y2)),
        stroke(),
        popGraphicsState(),
      );
  }

  /** Fills a triangle (a marker on the ladder's axis). */
  triangle(points: readonly [number, number][], color: Rgb): void {
    const [a, b, c] = points;
    this.pages
      .at(-1)!
      .push(pushGraphicsState(), setFillingRgbColor(...color), moveTo(...a!), lineTo(...b!), lineTo(...c!), closePath(), fill(), popGraphicsState());
  }

  /** The document's bytes: every page, the fonts, the metadata; no random file ID, dates from `info.day`. */
  save(info: PdfInfo): Uint8Array {
    const ctx = this.context;
    const fontDict = ctx.obj({ [this.fonts.regular.key]: this.fonts.regular.ref, [this.fonts.bold.key]: this.fonts.bold.ref });
    const pagesRef = ctx.nextRef();
    const kids = this.pages.map((ops) =>
      ctx.register(
        ctx.obj({
          Type: 'Page',
          Parent: pagesRef,
          MediaBox: [0, 0, PAGE_WIDTH, PAGE_HEIGHT],
          Resources: { Font: fontDict },
          Contents: ctx.register(ctx.contentStream(ops)),
        }),
      ),
    );
    ctx.assign(pagesRef, ctx.obj({ Type: 'Pages', Kids: kids, Count: kids.length }));
    const root = ctx.register(ctx.obj({ Type: 'Catalog', Pages: pagesRef }));
    const infoDict = ctx.obj({});
    infoDict.set(PDFName.of('Title'), PDFHexString.fromText(info.title));
    infoDict.set(PDFName.of('Subject'), PDFHexString.fromText(info.subject));
    infoDict.set(PDFName.of('Producer'), PDFHexString.fromText(info.producer));
    infoDict.set(PDFName.of('Creator'), PDFHexString.fromText(info.producer));
    if (info.day !== null) {
      const date = PDFString.of(`D:${info.day.replaceAll('-', '')}000000Z`);
      infoDict.set(PDFName.of('CreationDate'), date);
      infoDict.set(PDFName.of('ModDate'), date);
    }
    const infoRef = ctx.register(infoDict);
    return serialize(ctx, root, infoRef);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The classic PDF layout: header, each object, the cross-reference table and the trailer, all in one buffer. */
function serialize(ctx: PDFContext, root: PDFRef, info: PDFRef): Uint8Array {
  const header = PDFHeader.forVersion(1, 7);
  const objects = ctx.enumerateIndirectObjects();
  // Everything written around the objects is ASCII: one byte per character.
  const encoder = { encode: (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0)) };
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  const headerBytes = new Uint8Array(header.sizeInBytes());
  header.copyBytesInto(headerBytes, 0);
  push(headerBytes);
  push(encoder.encode('\n\n'));
  const xref = PDFCrossRefSection.create();
  for (const [ref, object] of objects) {
    xref.addEntry(ref, offset);
    push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    push(body);
    push(encoder.encode('\nendobj\n\n'));
  }
  const xrefOffset = offset;
  const trailerDict = PDFTrailerDict.of(ctx.obj({ Size: ctx.largestObjectNumber + 1, Root: root, Info: info }));
  for (const part of [xref, trailerDict]) {
    const bytes = new Uint8Array(part.sizeInBytes());
    part.copyBytesInto(bytes, 0);
    push(bytes);
    push(encoder.encode('\n'));
  }
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
  const trailerBytes = new Uint8Array(trailer.sizeInBytes());
  trailer.copyBytesInto(trailerBytes, 0);
  push(encoder.encode('\n'));
  push(trailerBytes);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
