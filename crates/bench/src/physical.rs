//! The machine's own limits, measured in the same run as the webview figures, so that every
//! transfer rate can be read against what memory and the loopback network allow here.

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    time::Instant,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Throughputs in GiB/s.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Physical {
    /// Copying a buffer in memory.
    pub memcpy_gib_s: f64,
    /// Writing through a loopback TCP connection to a reader thread.
    pub loopback_tcp_gib_s: f64,
}

const MIB: usize = 1024 * 1024;

fn gib_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / (1024.0 * MIB as f64) / seconds
}

/// Copies `size` bytes `rounds` times; the best round's rate (the least disturbed by the rest
/// of the machine).
pub fn memcpy(size: usize, rounds: u32) -> f64 {
    let source = vec![7u8; size];
    let mut target = vec![0u8; size];
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        target.copy_from_slice(&source);
        std::hint::black_box(&mut target);
        best = best.min(start.elapsed().as_secs_f64());
    }
    gib_per_s(size, best)
}

/// Sends `total` bytes in 1 MiB writes through a loopback TCP connection.
pub fn loopback_tcp(total: usize) -> std::io::Result<f64> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    let reader = std::thread::spawn(move || -> std::io::Result<usize> {
        let (mut stream, _) = listener.accept()?;
        let mut buffer = vec![0u8; MIB];
        let mut read = 0;
        loop {
            match stream.read(&mut buffer)? {
                0 => return Ok(read),
                n => read += n,
            }
        }
    });
    let chunk = vec![1u8; MIB];
    let start = Instant::now();
    {
        let mut stream = TcpStream::connect(address)?;
        for _ in 0..total.div_ceil(MIB) {
            stream.write_all(&chunk)?;
        }
    }
    let read = reader
        .join()
        .map_err(|_| std::io::Error::other("the reader thread panicked"))??;
    Ok(gib_per_s(read, start.elapsed().as_secs_f64()))
}

/// Both limits; `small` for a smoke run.
pub fn measure(small: bool) -> std::io::Result<Physical> {
    let (size, rounds, tcp) = if small {
        (4 * MIB, 3, 16 * MIB)
    } else {
        (256 * MIB, 10, 2048 * MIB)
    };
    Ok(Physical {
        memcpy_gib_s: memcpy(size, rounds),
        loopback_tcp_gib_s: loopback_tcp(tcp)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_limits_measure_something() {
        let figures = measure(true).unwrap();
        assert!(figures.memcpy_gib_s > 0.0 && figures.memcpy_gib_s.is_finite());
        assert!(figures.loopback_tcp_gib_s > 0.0 && figures.loopback_tcp_gib_s.is_finite());
    }
}
