//! Report building: models computed from repository queries, rendered by `output/`. Pure of I/O beyond the
//! database reads; every figure a report shows is computed once here and reused by the commands that show it.

pub mod awards;
pub mod campaigns;
pub mod council;
pub mod eligible;
pub mod file;
pub mod forms;
pub mod history;
pub mod meeting;
pub mod papers;
pub mod people;
pub mod pledges;
pub mod proposals;
pub mod ranking;
pub mod records;
pub mod registrations;
pub mod reviews;
pub mod units;
