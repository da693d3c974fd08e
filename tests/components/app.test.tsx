import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import App from '../../src/App.tsx';
import { renderWithStore } from './render.tsx';

describe('App', () => {
  it('shows one window per node, three by default', () => {
    renderWithStore(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Causal Chat' })).toBeTruthy();
    expect(screen.getAllByRole('region', { name: /^Node [A-Z]$/ }).map((r) => r.getAttribute('aria-label'))).toEqual(['Node A', 'Node B', 'Node C']);
  });

  it('shows notices for refused settings', () => {
    renderWithStore(<App />, { nodeCount: 4 }, ['Ignored nodes=99: choose 2 to 8 nodes.']);
    expect(screen.getByRole('alert').textContent).toContain('Ignored nodes=99');
    expect(screen.getAllByRole('region', { name: /^Node [A-Z]$/ })).toHaveLength(4);
  });
});
