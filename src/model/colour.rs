//! Colour contrast by WCAG 2.1's formula (relative luminance of sRGB), for the fixed colours
//! the app draws with: the official SDG colours and the status colours. Pure, so the rules
//! "every SDG tile's number is readable" and "every status colour stands out from the page" are
//! checked by `cargo test`, not by eye.

/// The contrast ratio of two `#RRGGBB` colours, from 1 (the same) to 21 (black on white); 1 for
/// a colour that does not parse.
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    match (luminance(a), luminance(b)) {
        (Some(x), Some(y)) => (x.max(y) + 0.05) / (x.min(y) + 0.05),
        _ => 1.0,
    }
}

/// White or black, whichever reads better on `background` (`#RRGGBB`).
pub fn text_on(background: &str) -> &'static str {
    if contrast_ratio(background, WHITE) >= contrast_ratio(background, BLACK) {
        WHITE
    } else {
        BLACK
    }
}

const WHITE: &str = "#FFFFFF";
const BLACK: &str = "#000000";

fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sdg;

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast_ratio("#000000", "#FFFFFF") - 21.0).abs() < 1e-9);
        assert!((contrast_ratio("#777777", "#777777") - 1.0).abs() < 1e-9);
        // WebAIM's figure for #767676 on white: 4.54.
        assert!((contrast_ratio("#767676", "#ffffff") - 4.54).abs() < 0.01);
        assert_eq!(contrast_ratio("red", "#FFFFFF"), 1.0);
    }

    /// Every official SDG colour carries its number readably (AA for normal text, 4.5:1) with
    /// the text colour chosen for it; white alone would fail on 10 of them (#FD9D24: 2.1:1).
    #[test]
    fn every_sdg_tile_number_is_readable() {
        for sdg in Sdg::all() {
            let (bg, fg) = (sdg.colour(), text_on(sdg.colour()));
            assert!(contrast_ratio(bg, fg) >= 4.5, "SDG {}: {fg} on {bg} is {:.2}", sdg.0, contrast_ratio(bg, fg));
        }
        assert_eq!(Sdg::all().filter(|s| contrast_ratio(s.colour(), WHITE) < 4.5).count(), 10);
    }
}
