//! JSON for scripts: an array of objects with the stable column keys (a record is one object); numbers as
//! numbers, dates ISO, empty cells null.

use std::io::Write;

use serde_json::{json, Map, Value};

use super::{Cell, Report, Table};
use crate::error::Result;

fn value(c: &Cell) -> Value {
    match c {
        Cell::Empty => Value::Null,
        Cell::Int(n) => json!(n),
        Cell::Num(x) | Cell::Percent(x) | Cell::Bound(x, _) => json!(x),
        _ => Value::String(c.plain()),
    }
}

/// One row as an object keyed by the columns.
pub fn object(columns: &[String], row: &[Cell]) -> Value {
    Value::Object(columns.iter().cloned().zip(row.iter().map(value)).collect::<Map<_, _>>())
}

/// One row as `table` writes it inside its array (pretty, indented), for a list written row by row.
pub fn element(columns: &[String], row: &[Cell]) -> Result<String> {
    let s = serde_json::to_string_pretty(&object(columns, row)).map_err(std::io::Error::from)?;
    Ok(s.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"))
}

fn rows(t: &Table) -> Value {
    let objs: Vec<Value> = t.rows.iter().map(|r| object(&t.columns, r)).collect();
    match (t.record, objs.len()) {
        (true, 1) => objs.into_iter().next().unwrap_or(Value::Null),
        _ => Value::Array(objs),
    }
}

pub fn table(w: &mut dyn Write, t: &Table) -> Result<()> {
    serde_json::to_writer_pretty(&mut *w, &rows(t)).map_err(std::io::Error::from)?;
    writeln!(w)?;
    Ok(())
}

pub fn report(w: &mut dyn Write, r: &Report, lang: super::Lang) -> Result<()> {
    let say = |m: &crate::msg::Msg| super::messages::text(m, lang);
    let sections: Vec<Value> = r
        .sections
        .iter()
        .filter(|s| !s.table.as_ref().is_some_and(|t| t.for_people))
        .map(|s| {
            let mut m = Map::new();
            m.insert("heading".into(), s.heading.as_ref().map_or(Value::Null, |h| Value::String(say(h))));
            m.insert("lines".into(), json!(s.lines.iter().map(say).collect::<Vec<_>>()));
            if let Some(t) = &s.table {
                m.insert("table".into(), Value::String(t.name.clone()));
                m.insert("rows".into(), rows(t));
            }
            Value::Object(m)
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &json!({ "title": say(&r.title), "sections": sections }))
        .map_err(std::io::Error::from)?;
    writeln!(w)?;
    Ok(())
}
