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
        Cell::Num(x) | Cell::Percent(x) => json!(x),
        _ => Value::String(c.plain()),
    }
}

fn rows(t: &Table) -> Value {
    let objs: Vec<Value> = t
        .rows
        .iter()
        .map(|r| Value::Object(t.columns.iter().cloned().zip(r.iter().map(value)).collect::<Map<_, _>>()))
        .collect();
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

pub fn report(w: &mut dyn Write, r: &Report) -> Result<()> {
    let sections: Vec<Value> = r
        .sections
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("heading".into(), s.heading.clone().map_or(Value::Null, Value::String));
            m.insert("lines".into(), json!(s.lines));
            if let Some(t) = &s.table {
                m.insert("table".into(), Value::String(t.name.clone()));
                m.insert("rows".into(), rows(t));
            }
            Value::Object(m)
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &json!({ "title": r.title, "sections": sections }))
        .map_err(std::io::Error::from)?;
    writeln!(w)?;
    Ok(())
}
