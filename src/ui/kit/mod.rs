//! What the jobs' pages share: the strategy's navigation between them (`nav`), a job page's frame
//! and head (`job_page`), the form fields and their binding to the open strategy (`fields`,
//! `bind`), who the person is (`who_i_am`), panels and column heads (`panel`), the chart view
//! (`chart_view`), what a draft lacks (`draft_gaps`), the QR code (`qr`), status badges (`status`), the strategy's read-only view
//! (`strategy_view`), the 新旧対照表 (`old_new`), a member's version held back (`held_back`),
//! what is shown while a part loads (`lazy`) and the panel of a strategy not stored here
//! (`not_found`). Nothing here reaches into a job's folder.

pub(crate) mod bind;
pub(crate) mod chart_view;
pub(crate) mod draft_gaps;
pub(crate) mod fields;
pub(crate) mod held_back;
pub(crate) mod job_page;
pub(crate) mod lazy;
pub(crate) mod nav;
pub(crate) mod not_found;
pub(crate) mod old_new;
pub(crate) mod panel;
pub(crate) mod qr;
pub(crate) mod status;
pub(crate) mod strategy_view;
pub(crate) mod who_i_am;
