// An express app: routing with params, JSON bodies, static files from embedded assets, and
// error middleware. Listens on the port given as the first argument (0: any) and prints it.
const path = require('path');
const express = require('express');

const app = express();
app.use(express.json());
app.use(express.static(path.join(__dirname, 'public')));

const items = new Map([[1, { id: 1, name: 'first' }]]);

app.get('/items/:id', (req, res) => {
  const item = items.get(Number(req.params.id));
  if (!item) return res.status(404).json({ error: `no item ${req.params.id}` });
  res.json(item);
});

app.post('/items', (req, res) => {
  const id = items.size + 1;
  const item = { id, name: req.body.name };
  items.set(id, item);
  res.status(201).location(`/items/${id}`).json(item);
});

app.get('/query', (req, res) => res.send(`q=${req.query.q} tags=${[].concat(req.query.tag || []).join('+')}`));

app.get('/boom', () => {
  throw new Error('exploded on purpose');
});

// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  if (err.type === 'entity.parse.failed') return res.status(400).json({ error: 'bad json' });
  res.status(500).json({ error: err.message });
});

const server = app.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
