// 科技人才与科技特派员: contracts shared by the server and the web app.
export {};
