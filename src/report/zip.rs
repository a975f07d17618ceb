//! A zip archive of stored (uncompressed) entries: the container of a .docx. Stored entries are
//! what every zip reader reads; the XML parts of a report are small, and the page serves the
//! widget compressed anyway (docs/architecture-reference.md, "Dependencies and their measured cost", for why no zip crate).

/// CRC-32 (IEEE 802.3, as zip uses it) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

/// The MS-DOS date of an ISO date (YYYY-MM-DD, 1980 to 2107), or 1 January 1980.
fn dos_date(iso: &str) -> u16 {
    let part = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u16>().ok());
    match (part(0..4), part(5..7), part(8..10)) {
        (Some(y @ 1980..=2107), Some(m @ 1..=12), Some(d @ 1..=31)) => ((y - 1980) << 9) | (m << 5) | d,
        _ => (1 << 5) | 1,
    }
}

/// Writes `files` (name, content), in order, as a zip archive dated `date` (YYYY-MM-DD).
/// Names are ASCII; each file and the whole archive stay far below the 4 GiB of plain zip (a
/// report is at most a few megabytes: every text it holds is capped on import).
pub fn write(files: &[(&str, &[u8])], date: &str) -> Vec<u8> {
    let date = dos_date(date);
    let total: usize = files.iter().map(|(n, d)| 30 + 46 + 2 * n.len() + d.len()).sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, data) in files {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(data), data.len() as u32);
        // Version needed 2.0, no flags, stored, time 00:00, date, CRC, sizes, name length.
        let common = |v: &mut Vec<u8>| {
            u16le(v, 20);
            u16le(v, 0);
            u16le(v, 0);
            u16le(v, 0);
            u16le(v, date);
            u32le(v, crc);
            u32le(v, size);
            u32le(v, size);
            u16le(v, name.len() as u16);
            u16le(v, 0);
        };
        u32le(&mut out, 0x0403_4b50);
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: MS-DOS, 2.0
        common(&mut central);
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, len) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, len);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}
