//! Packing of the embedded question bank: Burrows-Wheeler transform, move-to-front and an
//! adaptive binary arithmetic coder (the scheme of bzip2, with arithmetic instead of Huffman
//! coding).
//!
//! The bank is 255 kB of text in two languages plus its structure (`compact`). Inside the Wasm,
//! gzip leaves it at 81.5 kB: its 32 kB window cannot reach the repeats between a text and one
//! 100 kB further on. Packed, each part alone (`pack_parts`), it is 66.8 kB, which the
//! server's gzip leaves as it is (measured for bank 2026.11.2). `pack` runs in build.rs;
//! `unpack` runs once when the widget starts and takes about 7 ms in V8 (14 ms on a first,
//! unoptimised run). A context-mixing packer got the bank to 61.6 kB but needed 100-330 ms in
//! the browser (branch experiment-pack).
//!
//! Integer arithmetic only, so the native encoder and the Wasm decoder agree bit for bit.

/// Adaptation speed of a probability: it moves 1/2^RATE of the way to each bit seen.
const RATE: u32 = 5;

/// The probability (16 bits) that a binary decision is 1.
type Prob = u16;
const HALF: Prob = 1 << 15;

/// The contexts in which the move-to-front ranks are coded.
struct Model {
    /// Is the rank 0? By the number of zeros just before (capped) and whether a 1 came last.
    zero: [Prob; 32],
    /// Is it 1 (given it is not 0)?
    one: [Prob; 8],
    /// Otherwise its bit length 2..=8 (rank 2..=255), unary.
    length: [[Prob; 8]; 4],
    /// Then the bits below the leading one, as a binary tree per length.
    low: [[Prob; 128]; 8],
    zeros: usize,
    after_one: bool,
}

impl Model {
    fn new() -> Self {
        Model {
            zero: [HALF; 32],
            one: [HALF; 8],
            length: [[HALF; 8]; 4],
            low: [[HALF; 128]; 8],
            zeros: 0,
            after_one: false,
        }
    }

    /// Codes rank `r` (when encoding) or reads one (when decoding; `r` is ignored) with `c`.
    fn rank(&mut self, c: &mut impl Coder, r: u32) -> u32 {
        let zc = self.zeros.min(15) * 2 + self.after_one as usize;
        if c.bit(&mut self.zero[zc], (r == 0) as u32) == 1 {
            self.zeros += 1;
            self.after_one = false;
            return 0;
        }
        let oc = self.zeros.min(3) * 2 + self.after_one as usize;
        self.zeros = 0;
        self.after_one = c.bit(&mut self.one[oc], (r == 1) as u32) == 1;
        if self.after_one {
            return 1;
        }
        // r in 2..=255: bits = number of bits below the leading one, 1..=7.
        let want = 31 - r.max(2).leading_zeros();
        let lc = oc / 2;
        let mut bits = 1;
        while bits < 7 && c.bit(&mut self.length[lc][bits as usize], (want == bits) as u32) == 0 {
            bits += 1;
        }
        let mut node = 1usize;
        for i in (0..bits).rev() {
            let bit = c.bit(&mut self.low[bits as usize][node], (r >> i) & 1);
            node = (node << 1) | bit as usize;
        }
        node as u32
    }
}

/// A binary arithmetic coder, encoding or decoding.
trait Coder {
    /// Codes `bit` (encoder) or returns the next bit (decoder), then adapts `p`.
    fn bit(&mut self, p: &mut Prob, bit: u32) -> u32;
}

fn adapt(p: &mut Prob, bit: u32) {
    if bit == 1 {
        *p += (65535 - *p) >> RATE;
    } else {
        *p -= *p >> RATE;
    }
}

/// The current interval [x1, x2] of the arithmetic coder (32-bit, carry-less, as in lpaq1).
struct Range {
    x1: u32,
    x2: u32,
}

impl Range {
    const FULL: Range = Range { x1: 0, x2: u32::MAX };

    /// Where the interval splits: [x1, mid] codes a 1, (mid, x2] a 0. `p` is P(1) in 16 bits,
    /// kept away from 0 and 1 so that both halves stay non-empty.
    fn mid(&self, p: Prob) -> u32 {
        self.x1 + (((self.x2 - self.x1) as u64 * (p as u64).clamp(64, 65472)) >> 16) as u32
    }

    /// Narrows the interval to `bit`'s half and adapts `p` to it.
    fn narrow(&mut self, p: &mut Prob, bit: u32) -> u32 {
        let mid = self.mid(*p);
        if bit == 1 {
            self.x2 = mid;
        } else {
            self.x1 = mid + 1;
        }
        adapt(p, bit);
        bit
    }

    /// The leading byte both ends agree on, shifted out, if there is one.
    fn settled(&mut self) -> Option<u8> {
        if (self.x1 ^ self.x2) & 0xff00_0000 != 0 {
            return None;
        }
        let byte = (self.x2 >> 24) as u8;
        self.x1 <<= 8;
        self.x2 = (self.x2 << 8) | 255;
        Some(byte)
    }
}

struct Encoder {
    range: Range,
    out: Vec<u8>,
}

impl Coder for Encoder {
    fn bit(&mut self, p: &mut Prob, bit: u32) -> u32 {
        self.range.narrow(p, bit);
        while let Some(byte) = self.range.settled() {
            self.out.push(byte);
        }
        bit
    }
}

struct Decoder<'a> {
    range: Range,
    /// The first four not yet consumed bytes of the input, as a number inside the range.
    x: u32,
    input: &'a [u8],
    pos: usize,
}

impl Decoder<'_> {
    fn byte(&mut self) -> u32 {
        let b = self.input.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b as u32
    }
}

impl Coder for Decoder<'_> {
    fn bit(&mut self, p: &mut Prob, _: u32) -> u32 {
        let bit = (self.x <= self.range.mid(*p)) as u32;
        self.range.narrow(p, bit);
        while self.range.settled().is_some() {
            self.x = (self.x << 8) | self.byte();
        }
        bit
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(input: &[u8], pos: &mut usize) -> Option<usize> {
    let mut v = 0usize;
    for shift in [0, 7, 14, 21] {
        let b = *input.get(*pos)?;
        *pos += 1;
        v |= ((b & 0x7f) as usize) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// The start of every suffix of `data`, the empty one included, in sorted order (a shorter
/// suffix before a longer one it begins). Prefix doubling: O(n log^2 n) whatever the text,
/// so a bank with long repeats cannot stall the build.
fn suffix_array(data: &[u8]) -> Vec<usize> {
    let n = data.len();
    // rank[i]: the order of suffix i by its first k bytes; the empty suffix is 0.
    let mut rank: Vec<usize> = data.iter().map(|&b| b as usize + 1).chain([0]).collect();
    let mut sa: Vec<usize> = (0..=n).collect();
    let mut k = 1;
    loop {
        let key = |i: usize| (rank[i], if i + k <= n { rank[i + k] } else { 0 });
        sa.sort_unstable_by_key(|&i| key(i));
        let mut next = vec![0; n + 1];
        for w in 1..=n {
            next[sa[w]] = next[sa[w - 1]] + (key(sa[w]) != key(sa[w - 1])) as usize;
        }
        rank = next;
        if rank[sa[n]] == n {
            return sa;
        }
        k *= 2;
    }
}

/// `data` packed: its length and the BWT's primary index as varints, then the coded ranks.
pub fn pack(data: &[u8]) -> Vec<u8> {
    assert!(data.len() < 1 << 28, "pack: input over 256 MB");
    let n = data.len();
    // Burrows-Wheeler transform over the suffixes, the empty one (the end) sorting first.
    let suffixes = suffix_array(data);
    let mut last = Vec::with_capacity(n);
    let mut primary = 0;
    for (row, &s) in suffixes.iter().enumerate() {
        if s == 0 {
            primary = row;
        } else {
            last.push(data[s - 1]);
        }
    }
    let mut out = Vec::new();
    put_varint(&mut out, n);
    put_varint(&mut out, primary);
    let mut coder = Encoder { range: Range::FULL, out };
    let mut model = Model::new();
    let mut order: [u8; 256] = std::array::from_fn(|i| i as u8);
    for &c in &last {
        let r = order.iter().position(|&o| o == c).expect("every byte is in the list");
        order.copy_within(0..r, 1);
        order[0] = c;
        model.rank(&mut coder, r as u32);
    }
    let mut out = coder.out;
    out.extend_from_slice(&coder.range.x1.to_be_bytes());
    out
}

/// The bytes `pack` was given, or `None` when `packed` cannot be theirs: a malformed header,
/// a length over `max_len`, or a transform that does not invert. (Other damage yields wrong
/// bytes, which the reader of the result must reject; it never panics.)
pub fn unpack(packed: &[u8], max_len: usize) -> Option<Vec<u8>> {
    let mut pos = 0;
    let n = get_varint(packed, &mut pos)?;
    let primary = get_varint(packed, &mut pos)?;
    if n > max_len || primary > n || (n > 0 && primary == 0) {
        return None;
    }
    let mut d = Decoder { range: Range::FULL, x: 0, input: packed, pos };
    for _ in 0..4 {
        d.x = (d.x << 8) | d.byte();
    }
    let mut model = Model::new();
    let mut order: [u8; 256] = std::array::from_fn(|i| i as u8);
    // The last column, with the end marker's row left out.
    let mut last = Vec::with_capacity(n);
    let mut counts = [0u32; 256];
    for _ in 0..n {
        let r = model.rank(&mut d, 0) as usize;
        let c = order[r];
        order.copy_within(0..r, 1);
        order[0] = c;
        last.push(c);
        counts[c as usize] += 1;
    }
    // Inverse transform: next[row] is the row of the rotation one character further left.
    let mut start = [0u32; 256];
    let mut sum = 1; // row 0 is the rotation that starts at the end marker
    for (s, c) in start.iter_mut().zip(counts) {
        *s = sum;
        sum += c;
    }
    let mut next = vec![0u32; n + 1];
    for (i, &c) in last.iter().enumerate() {
        let row = if i < primary { i } else { i + 1 };
        next[row] = start[c as usize];
        start[c as usize] += 1;
    }
    let mut out = vec![0u8; n];
    let mut row = 0usize;
    for k in (0..n).rev() {
        if row == primary {
            return None;
        }
        let i = if row < primary { row } else { row - 1 };
        out[k] = last[i];
        row = next[row] as usize;
    }
    Some(out)
}

/// Several blocks packed one after the other, each with a fresh model (see `compact::parts`).
pub fn pack_parts(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, parts.len());
    for part in parts {
        let packed = pack(part);
        put_varint(&mut out, packed.len());
        out.extend_from_slice(&packed);
    }
    out
}

/// What `pack_parts` was given, joined; `None` as for `unpack`, or when the whole would
/// exceed `max_len`.
pub fn unpack_parts(packed: &[u8], max_len: usize) -> Option<Vec<u8>> {
    let mut pos = 0;
    let count = get_varint(packed, &mut pos)?;
    let mut out = Vec::new();
    for _ in 0..count {
        let len = get_varint(packed, &mut pos)?;
        let end = pos.checked_add(len)?;
        out.extend_from_slice(&unpack(packed.get(pos..end)?, max_len - out.len())?);
        pos = end;
    }
    (pos == packed.len()).then_some(out)
}
