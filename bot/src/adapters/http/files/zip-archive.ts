import { crc32, deflateRawSync } from 'node:zlib';

/** One file in a zip: its path inside the archive and its bytes. */
export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/**
 * A zip archive (PKWARE APPNOTE 6.3.x: local headers, the files deflated, a central directory and
 * its end record), as every operating system opens it. Names are UTF-8 (flag bit 11). Small files
 * only: no ZIP64, so the whole archive stays under 4 GB (a file holds at most 20 evidence files of
 * 250 MB at most — the caller checks the total).
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
export function zipArchive(entries: readonly ZipEntry[], modified: Date): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.bytes);
    const deflate = deflated.length < entry.bytes.length;
    const data = deflate ? deflated : entry.bytes;
    const crc = crc32(entry.bytes);
    // The fields both headers share, from "version needed to extract" to the name's length.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x0800, at + 2);
      header.writeUInt16LE(deflate ? 8 : 0, at + 4);
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(entry.bytes.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    shared(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** MS-DOS date and time, as zip headers keep them (two-second steps, local to the UTC given). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((Math.max(1980, at.getUTCFullYear()) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
