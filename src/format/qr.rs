//! The QR code that takes a reader of the prints to the town's public pages: the modules of a
//! QR code (qrcode crate, error correction M) as an SVG path, drawn by the reports and the
//! workshop hand-out. Only an http(s) address is encoded.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's modules: `width` × `width`, dark where `true`, row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The quiet zone around the code, in modules (the standard asks for 4).
pub const QUIET: usize = 4;

/// The QR code of `address` when it is an http(s) address that fits in one.
pub fn code(address: &str) -> Option<Qr> {
    let address = crate::model::publication::web_address(address)?;
    let qr = QrCode::with_error_correction_level(address.as_bytes(), EcLevel::M).ok()?;
    Some(Qr { width: qr.width(), dark: qr.to_colors().into_iter().map(|c| c == Color::Dark).collect() })
}

impl Qr {
    /// The side of the drawing, quiet zone included, in modules (the SVG's viewBox).
    pub fn side(&self) -> usize {
        self.width + 2 * QUIET
    }

    /// One SVG path of every dark module ("M5 4h1v1h-1z…"), in the drawing's coordinates.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for (n, _) in self.dark.iter().enumerate().filter(|(_, dark)| **dark) {
            let (x, y) = (n % self.width + QUIET, n / self.width + QUIET);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
        d
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Reads the code back with a decoder that is not the encoder (rqrr), from a greyscale
    /// picture of it at 4 pixels a module, quiet zone included — as a phone's camera would.
    fn decode(qr: &Qr) -> String {
        const SCALE: usize = 4;
        let side = qr.side() * SCALE;
        let mut picture = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (mx, my) = (x / SCALE, y / SCALE);
            let inside = (QUIET..QUIET + qr.width).contains(&mx) && (QUIET..QUIET + qr.width).contains(&my);
            if inside && qr.dark[(my - QUIET) * qr.width + (mx - QUIET)] {
                0
            } else {
                255
            }
        });
        let grids = picture.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    #[test]
    fn the_code_reads_back_as_the_address() {
        for address in ["https://www.city.kitamoto.lg.jp/kpi/", "http://example.jp/まち/進捗/index.html?y=2024"] {
            let qr = code(address).unwrap();
            assert_eq!(decode(&qr), address);
        }
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let qr = code("https://www.town.example.lg.jp/").unwrap();
        assert_eq!(qr.path().matches('M').count(), qr.dark.iter().filter(|d| **d).count());
        assert_eq!(qr.side(), qr.width + 8);
    }

    #[test]
    fn only_a_web_address_is_encoded() {
        assert!(code("javascript:alert(1)").is_none());
        assert!(code("").is_none());
        assert!(code("www.example.jp").is_none());
    }
}
