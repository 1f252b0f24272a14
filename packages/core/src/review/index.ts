// 专家抽取与评审: the module's public functions.
export {};
