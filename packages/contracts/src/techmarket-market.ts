// 科技成果、四张清单与供需对接: contracts shared by the server and the web app.
export {};
