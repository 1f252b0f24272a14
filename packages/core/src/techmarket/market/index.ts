// 科技成果、四张清单与供需对接: the module's public functions.
export {};
