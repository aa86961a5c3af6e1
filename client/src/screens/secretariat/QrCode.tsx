import { create } from 'qrcode';

/** The quiet zone QR readers need around the symbol: four modules. */
const QUIET = 4;

/**
 * A QR code as inline SVG, drawn from qrcode's module matrix: no image URL, so the CSP needs
 * no `data:` for it, and it prints sharp at any size.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (data[row * size + col]) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
  const side = size + 2 * QUIET;
  return (
    <svg className="qr" viewBox={`0 0 ${side} ${side}`} role="img" aria-label={label} data-testid={testId} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
