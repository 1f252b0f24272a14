/**
 * Page-level CSS the inline styles cannot express (row states, print). Rendered with a <style>
 * element by the plan pages, so it lives and dies with them.
 */
export const reviewCss = `
.kc-row-selected > td { background: #f0f6ff !important; }
.kc-source-text mark { transition: outline-color .2s; }
.kc-scroll-pane > .ant-tabs > .ant-tabs-nav { position: sticky; top: 0; z-index: 20; background: #fff; }
.kc-source-text mark:hover { filter: brightness(0.95); }
`;

/** Printing a plan: no shell, no buttons, every tab's content one after another. */
export const printCss = `
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff !important; }
  .ant-layout-sider, .ant-layout-header, .kc-no-print, .ant-tabs-nav { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .ant-card { box-shadow: none !important; border: none !important; }
  .kc-print-only { display: block !important; }
  .kc-plan-detail [role='tabpanel'] { display: block !important; margin-bottom: 10mm; }
  .kc-plan-detail .kc-source-text { height: auto !important; max-height: none !important; overflow: visible !important; }
  .ant-table-wrapper .ant-table-pagination { display: none !important; }
}
.kc-print-only { display: none; }
`;
