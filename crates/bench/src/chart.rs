//! The report's charts, as SVG documents drawn with plotters' SVG backend (text stays text, so
//! no font files are needed).

use plotters::prelude::*;

/// One line of a chart.
pub struct Line {
    /// Its name in the legend.
    pub name: String,
    /// Its points, in the order they are joined.
    pub points: Vec<(f64, f64)>,
}

/// Distinct on white, and for the most common colour blindness.
const COLORS: [RGBColor; 5] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
];

fn failed(e: impl std::fmt::Display) -> String {
    format!("cannot draw a chart: {e}")
}

/// A line chart of `lines`, with a legend; the y axis starts at 0.
pub fn lines(title: &str, x_desc: &str, y_desc: &str, lines: &[Line]) -> Result<String, String> {
    let all = || lines.iter().flat_map(|l| l.points.iter().copied());
    let x_min = all().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let x_max = all().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let y_max = all().map(|p| p.1).fold(0.0, f64::max);
    if !(x_min.is_finite() && x_max.is_finite()) {
        return Err(failed(format!("`{title}` has no points")));
    }
    // Room on both sides, also when every point has the same x.
    let pad = ((x_max - x_min) * 0.05).max(0.5);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 400)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 20))
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(64)
            .build_cartesian_2d((x_min - pad)..(x_max + pad), 0.0..(y_max * 1.15).max(1e-9))
            .map_err(failed)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(225, 225, 225))
            .x_desc(x_desc)
            .y_desc(y_desc)
            .draw()
            .map_err(failed)?;
        for (line, color) in lines.iter().zip(COLORS.iter().cycle()) {
            let color = *color;
            chart
                .draw_series(LineSeries::new(
                    line.points.iter().copied(),
                    color.stroke_width(2),
                ))
                .map_err(failed)?
                .label(line.name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
                });
            chart
                .draw_series(
                    line.points
                        .iter()
                        .map(|&point| Circle::new(point, 3, color.filled())),
                )
                .map_err(failed)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_every_line_and_its_legend() {
        let svg = lines(
            "title",
            "x",
            "y",
            &[
                Line {
                    name: "first".into(),
                    points: vec![(1.0, 2.0), (3.0, 4.0)],
                },
                Line {
                    name: "second".into(),
                    points: vec![(1.0, 1.0)],
                },
            ],
        )
        .unwrap();
        assert!(svg.starts_with("<svg"));
        let texts: Vec<&str> = svg
            .split('>')
            .filter_map(|part| part.split('<').next())
            .map(str::trim)
            .collect();
        for text in ["title", "first", "second"] {
            assert!(texts.contains(&text), "{text} in {svg}");
        }
        assert!(lines("empty", "x", "y", &[]).is_err());
    }
}
