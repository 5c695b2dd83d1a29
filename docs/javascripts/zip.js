// A ZIP archive of files stored as they are (no compression: PDFs are compressed already),
// with CRC-32, fixed dates and the permissions the build's own ZIPs have, so the archive a
// browser makes opens in every unzip tool. No library: the format needs only this.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DOS_DATE = (1 << 5) | 1; // 1980-01-01, the earliest a ZIP stores (as the build's ZIPs)
const UNIX_FILE = (0o100644 << 16) >>> 0;

// `files`: [{ name, bytes: Uint8Array }] in the order the archive lists them.
export function zipStored(files) {
  const encoder = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, bytes } of files) {
    const path = encoder.encode(name);
    const crc = crc32(bytes);
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800; // UTF-8 names flagged
    const local = header(30 + path.length, (v) => {
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, flags, true);
      v.setUint16(8, 0, true); // stored
      v.setUint16(10, 0, true);
      v.setUint16(12, DOS_DATE, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, bytes.length, true);
      v.setUint32(22, bytes.length, true);
      v.setUint16(26, path.length, true);
    }, path, 30);
    central.push(header(46 + path.length, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, (3 << 8) | 20, true); // made on Unix: the permissions count
      v.setUint16(6, 20, true);
      v.setUint16(8, flags, true);
      v.setUint16(14, DOS_DATE, true);
      v.setUint32(16, crc, true);
      v.setUint32(20, bytes.length, true);
      v.setUint32(24, bytes.length, true);
      v.setUint16(28, path.length, true);
      v.setUint32(38, UNIX_FILE, true);
      v.setUint32(42, offset, true);
    }, path, 46));
    parts.push(local, bytes);
    offset += local.length + bytes.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, files.length, true);
    v.setUint16(10, files.length, true);
    v.setUint32(12, size, true);
    v.setUint32(16, offset, true);
  });
  return new Blob([...parts, ...central, end], { type: "application/zip" });
}

function header(length, fill, path, at) {
  const out = new Uint8Array(length);
  fill(new DataView(out.buffer));
  if (path) out.set(path, at);
  return out;
}
