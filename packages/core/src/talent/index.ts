// 科技人才与科技特派员: the module's public functions.
export {};
