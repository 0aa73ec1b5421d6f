// The screen of an Xvfb started with `-fbdir` (scripts/lib/display.sh does), as a PNG: Xvfb
// keeps its framebuffer in that folder as an XWD file, so the suite can take a picture of every
// window at once without an image tool installed. Only Xvfb's own layout is read: a ZPixmap of
// 32 bits per pixel, its header in big-endian order, its pixels in the masks it names.

import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

/** The PNG of the XWD image in `file`. @param {string} file */
export function xwdToPng(file) {
  const xwd = readFileSync(file);
  const field = (/** @type {number} */ i) => xwd.readUInt32BE(i * 4);
  const [headerSize, , format, , width, height] = [0, 1, 2, 3, 4, 5].map(field);
  const [byteOrder, bitsPerPixel, bytesPerLine] = [field(7), field(11), field(12)];
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  const colours = field(19);
  if (format !== 2 || bitsPerPixel !== 32)
    throw new Error(`${file}: not a 32-bit ZPixmap (format ${format}, ${bitsPerPixel} bpp)`);
  const pixels = headerSize + colours * 12;
  // Byte order 0 is LSBFirst, the x86 server's.
  const read = byteOrder === 0 ? xwd.readUInt32LE.bind(xwd) : xwd.readUInt32BE.bind(xwd);
  // Where each channel's mask starts: its lowest set bit.
  const shift = (/** @type {number} */ mask) => 31 - Math.clz32(mask & -mask);
  const [rs, gs, bs] = [redMask, greenMask, blueMask].map(shift);
  // Each PNG row: filter type 0 (none), then RGB.
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const pixel = read(pixels + y * bytesPerLine + x * 4);
      const out = row + 1 + x * 3;
      raw[out] = ((pixel & redMask) >>> rs) & 0xff;
      raw[out + 1] = ((pixel & greenMask) >>> gs) & 0xff;
      raw[out + 2] = ((pixel & blueMask) >>> bs) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(/** @type {string} */ type, /** @type {Buffer} */ data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(4 + body.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 4 + body.length);
  return out;
}
