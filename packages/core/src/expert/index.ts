// 评审专家库: the module's public functions.
export {};
